package org.habeas.security;

/** The Camunda groups that make the roles of Habeas. */
public final class Groups {

  public static final String COORDINATORS = "coordinators";
  public static final String LAWYERS = "lawyers";
  public static final String MANAGERS = "managers";
  public static final String ADMINS = "camunda-admin";

  private Groups() {
  }
}

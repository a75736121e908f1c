package org.habeas.intake;

import java.util.List;

/** A hotline alert: one detention event, with one or more detained people. */
public record Alert(String jurisdiction, String reportedBy, String location, String placeOfDetention,
                    String apprehendedAt, String proceeding, String suspectedOffence, String summary,
                    List<Detainee> detainees) {

  /** A detained person; all of this is personal data. */
  public record Detainee(String name, String organisation, Boolean disability, String healthNeeds,
                         String safetyConcern) {
  }
}

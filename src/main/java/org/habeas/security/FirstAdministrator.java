package org.habeas.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo there is no known password: the first administrator, {@code admin}, gets the
 * password of {@code HABEAS_ADMIN_PASSWORD}; without it, and without an administrator yet, Habeas
 * refuses to start and says what to set.
 */
@Component
@Profile("!demo")
@Order(1)
public class FirstAdministrator implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final IdentityService identity;
  private final String password;

  public FirstAdministrator(IdentityService identity, @Value("${habeas.admin-password:}") String password) {
    this.identity = identity;
    this.password = password;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() > 0) {
      return;
    }
    if (password.isBlank()) {
      throw new IllegalStateException("No administrator exists yet and HABEAS_ADMIN_PASSWORD is not set: start "
          + "Habeas once with HABEAS_ADMIN_PASSWORD=<a long, unique password> to create the administrator 'admin', "
          + "who then creates the other users in Camunda Admin (/camunda/app/admin/).");
    }
    User admin = identity.newUser("admin");
    admin.setFirstName("Habeas");
    admin.setLastName("Administrator");
    admin.setPassword(password);
    identity.saveUser(admin);
    identity.createMembership("admin", Groups.ADMINS);
    log.warn("Created the first administrator 'admin' from HABEAS_ADMIN_PASSWORD; remove that variable now.");
  }
}

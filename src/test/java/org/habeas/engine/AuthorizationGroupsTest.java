package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Authorization checks take a user's groups as they are, without reading every group that has a grant. */
class AuthorizationGroupsTest extends HabeasTest {

  @Autowired IdentityService identity;

  @Test
  void theEngineChecksWithTheGroupsAsTheyAre() {
    var factory = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories()
        .get(AuthorizationManager.class);
    assertThat(factory.openSession()).isInstanceOf(AuthorizationGroups.GroupsAsTheyAre.class);
  }

  @Test
  void groupsAreKeptWithoutLookingAnythingUp() {
    // Camunda's own manager would read the authorization table here, and there is no command to read it in
    assertThat(new AuthorizationGroups.GroupsAsTheyAre().filterAuthenticatedGroupIds(
        Arrays.asList("coordinators", null, "no-such-group", "coordinators")))
        .containsExactly("coordinators", "no-such-group");
    assertThat(new AuthorizationGroups.GroupsAsTheyAre().filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void aGroupsGrantsStillDecide_andAGroupWithoutGrantsGivesNothing() {
    ProcessInstance instance = startCase(alert());
    try {
      identity.setAuthentication("coordinator", List.of("coordinators", "no-such-group"));
      assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("AssignLawyer").count())
          .isEqualTo(1);
      identity.setAuthentication("someone", List.of("no-such-group"));
      assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    } finally {
      identity.clearAuthentication();
    }
  }
}

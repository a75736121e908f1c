package org.habeas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a newcomer finds when Habeas runs with the demo profile. */
class DemoDataTest extends HabeasTest {

  @Autowired IdentityService identity;

  @Test
  void demoUsersLogInWithTheirIdInTheirGroups() {
    DemoData.USERS.forEach((id, groups) -> {
      assertThat(identity.checkPassword(id, id)).as(id).isTrue();
      assertThat(identity.createGroupQuery().groupMember(id).list()).extracting(g -> g.getId())
          .containsExactlyInAnyOrderElementsOf(groups);
      assertThat(identity.createUserQuery().userId(id).singleResult().getEmail()).isEqualTo(id + "@habeas.local");
    });
  }

  @Test
  void theTwoAstanaIncidentsRunAsThreeCases_theFirstWithLawyer1() {
    // Demo data is filed at start-up, before any test, so it holds the first case numbers.
    List<ProcessInstance> seeded = runtime.createProcessInstanceQuery().processInstanceBusinessKey("KZ-2026-00001")
        .processDefinitionKey("detention-response").list();
    assertThat(seeded).hasSize(1);
    assertThat(tasks.createTaskQuery().processInstanceId(seeded.get(0).getId()).singleResult())
        .satisfies(task -> {
          assertThat(task.getTaskDefinitionKey()).isEqualTo("VisitDetainee");
          assertThat(task.getAssignee()).isEqualTo("lawyer1");
        });
    List<ProcessInstance> cafe = java.util.stream.Stream.of("KZ-2026-00002", "KZ-2026-00003")
        .map(caseNumber -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
            .processDefinitionKey("detention-response").singleResult()).toList();
    assertThat(cafe).hasSize(2);
    assertThat(cafe).extracting(pi -> runtime.getVariable(pi.getId(), "incidentId")).doesNotContainNull().hasSize(2)
        .containsOnly(runtime.getVariable(cafe.get(0).getId(), "incidentId"));
  }
}

package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the history keeps of a case and of its notices, and what it leaves out. */
class HabeasHistoryTest extends HabeasTest {

  @Autowired HistoryService history;

  @Test
  void aCase_keepsItsStepsAndLastValues_butNoRowPerChange() {
    ProcessInstance pi = startCase(alert());
    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("lawyer")
        .singleResult().getValue()).isEqualTo("lawyer1");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("AssignLawyer")
        .finished().count()).isOne();
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aTimerThatIsNotNeeded_leavesNoJobLog() {
    ProcessInstance pi = startCase(alert());
    complete(pi, "AssignLawyer", Map.of("lawyer", "lawyer1"));
    assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).activityIdIn("Timer_AssignLawyerSla")
        .count()).as("the assignment deadline's timer, created and deleted unfired").isZero();
  }

  @Test
  void aNotice_keepsWhichNoticeItIsAndItsMailRun_butNotItsStepsOrText() {
    ProcessInstance pi = startCase(alert());
    deliverNotices(pi);

    List<HistoricProcessInstance> notices = history.createHistoricProcessInstanceQuery().processDefinitionKey("notice")
        .processInstanceBusinessKey(pi.getBusinessKey()).list();
    assertThat(notices).isNotEmpty().allSatisfy(notice -> {
      assertThat(notice.getState()).isEqualTo("COMPLETED");
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(notice.getId()).list())
          .extracting(HistoricVariableInstance::getName).containsExactly("notice");
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(notice.getId()).count()).isZero();
      assertThat(history.createHistoricJobLogQuery().processInstanceId(notice.getId()).successLog().count()).isOne();
      assertThat(history.createHistoricJobLogQuery().processInstanceId(notice.getId()).count()).as("nothing else")
          .isOne();
    });
  }
}

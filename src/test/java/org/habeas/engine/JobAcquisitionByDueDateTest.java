package org.habeas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;

/** Every job has a due date, so that the job executor finds the due ones through its index ({@link EngineIndexes}). */
class JobAcquisitionByDueDateTest extends HabeasTest {

  @Test
  void anAsynchronousStep_isDueWhenCreated() {
    ProcessInstance notice = notices(startCase(alert())).get(0);
    assertThat(job(notice, "MailNotice").getDuedate()).isEqualTo(Date.from(NOW));
    assertThat(management.createJobQuery().processInstanceId(notice.getId()).executable().count()).isOne();
  }
}

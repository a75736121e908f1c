package org.habeas.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.habeas.casefile.PersonalData;
import org.habeas.dashboard.CaseSummaryRecorder;
import org.habeas.notify.SendNotice;
import org.springframework.stereotype.Component;

/**
 * The engine's history, as Habeas keeps it, and the case list. Replaces Camunda's default history
 * handler ({@code enable-default-db-history-event-handler: false}).
 *
 * <p>Of a case, the history keeps every step, who completed it (the operation log), every incident and
 * rule applied, and each variable's last value ({@code ACT_HI_VARINST}), except the personal data (kept
 * encrypted in {@link PersonalData}), and each run and failure of a job (a timer, a mail). It leaves out
 * what nothing in Habeas reads, which was most of the rows written in a surge (docs/BENCHMARKS.md,
 * surge): a row per variable change ({@code ACT_HI_DETAIL}), the creation and deletion of each job (a
 * case creates and deletes a dozen timers it never needs), and the steps and the text of a notice, whose
 * record is its notification (notify.NotificationLog).
 */
@Component
public class HabeasHistory implements HistoryEventHandler {

  private final HistoryEventHandler camundaHistory = new DbHistoryEventHandler() {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity variable) {
      return false;
    }
  };
  private final CaseSummaryRecorder caseList;

  public HabeasHistory(CaseSummaryRecorder caseList) {
    this.caseList = caseList;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && PersonalData.FIELDS.contains(variable.getVariableName())) {
      return;
    }
    if (!isNoticeDetail(event) && !isJobCreatedOrDeleted(event)) {
      camundaHistory.handleEvent(event);
    }
    caseList.record(event);
  }

  /** Of a notice, the history keeps the instance (which case), which notice it is, its job runs and incidents. */
  private static boolean isNoticeDetail(HistoryEvent event) {
    return SendNotice.NOTICE_PROCESS.equals(event.getProcessDefinitionKey())
        && (event instanceof HistoricActivityInstanceEventEntity
            || event instanceof HistoricVariableUpdateEventEntity variable && !"notice".equals(variable.getVariableName()));
  }

  private static boolean isJobCreatedOrDeleted(HistoryEvent event) {
    return event instanceof HistoricJobLogEventEntity job && (job.isCreationLog() || job.isDeletionLog());
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}

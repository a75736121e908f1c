package org.habeas.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.habeas.intake.AlertIntake;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the case list current: every change of a case, of its appeal and fine payment (which share its
 * business key, the case number) and of its notices passes through the engine's history events, in the
 * same transaction ({@code engine.HabeasHistory}). One place, whatever drives the case: Tasklist, the
 * REST APIs or a timer.
 */
@Component
public class CaseSummaryRecorder {

  private final CaseSummaries summaries;

  public CaseSummaryRecorder(CaseSummaries summaries) {
    this.summaries = summaries;
  }

  public void record(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
            || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE))) {
      variable(variable);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity
        && event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START) && "userTask".equals(activity.getActivityType())) {
      withCase(event, caseNumber -> summaries.stage(caseNumber, activity.getActivityId(), activity.getActivityName()));
    } else if (event instanceof HistoricProcessInstanceEventEntity instance
        && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
        && AlertIntake.PROCESS.equals(event.getProcessDefinitionKey()) && instance.getBusinessKey() != null) {
      summaries.close(instance.getBusinessKey(), instance.getEndTime().toInstant().atOffset(ZoneOffset.UTC));
    } else if (event instanceof HistoricIncidentEventEntity) {
      // event types compare by name only ("create" is also a task's): the entity says it is an incident
      if (event.isEventOfType(HistoryEventTypes.INCIDENT_CREATE)) {
        withCase(event, caseNumber -> summaries.countIncident(caseNumber, 1));
      } else if (event.isEventOfType(HistoryEventTypes.INCIDENT_RESOLVE)
          || event.isEventOfType(HistoryEventTypes.INCIDENT_DELETE)) {
        withCase(event, caseNumber -> summaries.countIncident(caseNumber, -1));
      }
    }
  }

  private void variable(HistoricVariableUpdateEventEntity variable) {
    String name = variable.getVariableName();
    if ("caseNumber".equals(name) && AlertIntake.PROCESS.equals(variable.getProcessDefinitionKey())) {
      String caseNumber = variable.getTextValue();
      summaries.open(caseNumber, variable.getProcessInstanceId(), caseNumber.substring(0, caseNumber.indexOf('-')));
      return;
    }
    String column = CaseSummaries.COLUMNS.get(name);
    if (column != null) {
      withCase(variable, caseNumber -> {
        String text = variable.getTextValue();
        if (summaries.set(caseNumber, column, column.endsWith("_at") || column.endsWith("_deadline") ? time(text) : text)) {
          deadlinesChanged(caseNumber);
          if ("closed_at".equals(column) && text != null) {
            summaries.close(caseNumber, time(text));
          }
        }
      });
    }
  }

  /**
   * Works the case's next deadline out again once the transaction is done changing it, just before it
   * commits: a step sets several dates at once, and each would otherwise read and write the row again.
   */
  private void deadlinesChanged(String caseNumber) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      summaries.updateNextDeadline(caseNumber);
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> changed = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (changed == null) {
      Set<String> cases = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(this, cases);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          cases.forEach(summaries::updateNextDeadline);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResource(CaseSummaryRecorder.this);
        }
      });
      changed = cases;
    }
    changed.add(caseNumber);
  }

  /** Runs the update for the case whose process (or appeal, fine payment, notice) the event belongs to. */
  private static void withCase(HistoryEvent event, java.util.function.Consumer<String> update) {
    ExecutionEntity instance = Context.getCommandContext().getExecutionManager()
        .findExecutionById(event.getProcessInstanceId());
    if (instance != null && instance.getBusinessKey() != null) {
      update.accept(instance.getBusinessKey());
    }
  }

  private static OffsetDateTime time(String iso) {
    try {
      return iso == null ? null : OffsetDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

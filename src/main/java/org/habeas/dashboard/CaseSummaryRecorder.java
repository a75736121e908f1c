package org.habeas.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.habeas.dashboard.CaseSummaries.Change;
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
      withCase(event, caseNumber -> change(caseNumber, c -> c.stage(activity.getActivityId(), activity.getActivityName())));
    } else if (event instanceof HistoricProcessInstanceEventEntity instance
        && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
        && AlertIntake.PROCESS.equals(event.getProcessDefinitionKey()) && instance.getBusinessKey() != null) {
      change(instance.getBusinessKey(), c -> c.close(instance.getEndTime().toInstant().atOffset(ZoneOffset.UTC)));
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
      change(caseNumber, c -> c.open(variable.getProcessInstanceId(), caseNumber.substring(0, caseNumber.indexOf('-'))));
      return;
    }
    String column = CaseSummaries.COLUMNS.get(name);
    if (column != null) {
      withCase(variable, caseNumber -> change(caseNumber, c -> {
        String text = variable.getTextValue();
        c.set(column, CaseSummaries.isTime(column) ? time(text) : text);
        if ("closed_at".equals(column) && text != null) {
          c.close(time(text));
        }
      }));
    }
  }

  /**
   * Gathers what the transaction changes of the case and writes it once, just before the transaction commits:
   * a step sets several variables at once, and each would otherwise write the row again (outside a
   * transaction, the change is written at once).
   */
  private void change(String caseNumber, Consumer<Change> edit) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      Change change = new Change();
      edit.accept(change);
      summaries.write(caseNumber, change);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Change> changes = (Map<String, Change>) TransactionSynchronizationManager.getResource(this);
    if (changes == null) {
      Map<String, Change> cases = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(this, cases);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          cases.forEach(summaries::write);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResource(CaseSummaryRecorder.this);
        }
      });
      changes = cases;
    }
    edit.accept(changes.computeIfAbsent(caseNumber, n -> new Change()));
  }

  /** Runs the update for the case whose process (or appeal, fine payment, notice) the event belongs to. */
  private static void withCase(HistoryEvent event, Consumer<String> update) {
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

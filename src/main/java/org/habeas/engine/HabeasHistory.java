package org.habeas.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.habeas.casefile.PersonalData;
import org.habeas.dashboard.CaseSummaryRecorder;
import org.springframework.stereotype.Component;

/**
 * The engine's history, as Habeas keeps it: Camunda's own history without the personal-data variables
 * (they live encrypted in {@link PersonalData}), and the case list. Replaces Camunda's default history
 * handler ({@code enable-default-db-history-event-handler: false}).
 */
@Component
public class HabeasHistory implements HistoryEventHandler {

  private final HistoryEventHandler camundaHistory = new DbHistoryEventHandler();
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
    camundaHistory.handleEvent(event);
    caseList.record(event);
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}

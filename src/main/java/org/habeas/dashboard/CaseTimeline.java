package org.habeas.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.habeas.casefile.CaseTime;
import org.habeas.notify.NotificationLog;
import org.habeas.notify.SendNotice;
import org.springframework.stereotype.Component;

/**
 * The record of a case, from the engine's history: every step with who and when, each notification
 * sent, each failure. It names steps, people and deadlines, never the defender's personal data.
 */
@Component
public class CaseTimeline {

  /** One line of the record. */
  public record Entry(String at, Kind kind, String what, String by, String detail) {
    /** What sort of line. */
    public enum Kind { STEP, NOTIFICATION, INCIDENT }
  }

  /** Steps that are plumbing rather than events of the case. */
  private static final Set<String> NOT_SHOWN = Set.of("exclusiveGateway", "parallelGateway", "eventBasedGateway",
      "inclusiveGateway", "subProcess", "multiInstanceBody");

  private final HistoryService history;
  private final NotificationLog notifications;

  public CaseTimeline(HistoryService history, NotificationLog notifications) {
    this.history = history;
    this.notifications = notifications;
  }

  public List<Entry> of(String caseNumber, ZoneId zone) {
    List<Timed> lines = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list()) {
      if (!SendNotice.NOTICE_PROCESS.equals(instance.getProcessDefinitionKey())) {
        steps(instance, lines);
      }
      for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list()) {
        lines.add(new Timed(incident.getCreateTime().toInstant(), 0, Entry.Kind.INCIDENT,
            "MailNotice".equals(incident.getActivityId()) ? "A notification could not be sent" : "A step failed: " + incident.getActivityId(),
            null, (incident.isOpen() ? "open: " : "resolved: ") + incident.getIncidentMessage()));
      }
    }
    notifications.forCase(caseNumber).stream()
        .collect(Collectors.groupingBy(NotificationLog.Entry::noticeId, java.util.LinkedHashMap::new, Collectors.toList()))
        .values().forEach(sent -> lines.add(new Timed(sent.get(0).sentAt(), Long.MAX_VALUE, Entry.Kind.NOTIFICATION,
            sent.get(0).subject(), null, "to " + sent.stream().map(NotificationLog.Entry::recipient)
                .collect(Collectors.joining(", ")) + " by " + sent.get(0).channel())));
    return lines.stream().sorted(Comparator.comparing(Timed::at).thenComparingLong(Timed::sequence))
        .map(line -> new Entry(CaseTime.iso(line.at(), zone), line.kind(), line.what(), line.by(), line.detail()))
        .toList();
  }

  private void steps(HistoricProcessInstance instance, List<Timed> lines) {
    Map<String, String> completedBy = history.createUserOperationLogQuery().processInstanceId(instance.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
        .collect(Collectors.toMap(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getUserId, (a, b) -> a));
    List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).orderPartiallyByOccurrence().asc().list();
    for (int occurrence = 0; occurrence < steps.size(); occurrence++) {
      HistoricActivityInstance step = steps.get(occurrence);
      if (NOT_SHOWN.contains(step.getActivityType()) || step.getActivityName() == null) {
        continue;
      }
      Date at = step.getEndTime() != null ? step.getEndTime() : step.getStartTime();
      String by = "startEvent".equals(step.getActivityType()) ? instance.getStartUserId()
          : step.getTaskId() == null ? null : completedBy.getOrDefault(step.getTaskId(), step.getAssignee());
      lines.add(new Timed(at.toInstant(), occurrence, Entry.Kind.STEP, step.getActivityName(), by,
          step.getEndTime() == null ? "in progress" : step.isCanceled() ? "cancelled" : null));
    }
  }

  /** A line and when it happened; lines of one instant keep the order in which the engine ran them. */
  private record Timed(Instant at, long sequence, Entry.Kind kind, String what, String by, String detail) {
  }
}

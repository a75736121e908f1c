package org.habeas.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.habeas.casefile.Jurisdiction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The case list ({@code case_summary}): written by {@link CaseSummaryRecorder}, read by the API. */
@Component
public class CaseSummaries {

  /** Which cases a list shows. */
  public enum Status {
    OPEN, CLOSED, ALL;

    /** From the {@code status} parameter: open, closed or all. */
    public static Status of(String parameter) {
      return java.util.Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(parameter)).findFirst()
          .orElseThrow(() -> org.habeas.casefile.InvalidCaseDataException.of("status", "must be open, closed or all"));
    }
  }

  /** What a list asks for; {@code lawyer} non-null restricts it to that lawyer's cases. */
  public record Filter(Status status, boolean overdueOnly, String lawyer, int page, int size) {
  }

  /** A page of the list and how many cases match in all. */
  public record Page(List<CaseSummary> cases, long total) {
  }

  /** Tracked variable → its column. */
  static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("lawyer", "lawyer"), Map.entry("openedAt", "opened_at"), Map.entry("closedAt", "closed_at"),
      Map.entry("detentionDeadline", "detention_deadline"), Map.entry("releasedAt", "released_at"),
      Map.entry("hearingAt", "hearing_at"), Map.entry("verdict", "verdict"),
      Map.entry("appealDeadline", "appeal_deadline"), Map.entry("appealFiledAt", "appeal_filed_at"),
      Map.entry("appealOutcome", "appeal_outcome"), Map.entry("paymentDueAt", "payment_due_at"),
      Map.entry("paymentStatus", "payment_status"));

  /** The columns the next deadline is worked out from. */
  private static final List<String> DEADLINE_COLUMNS = List.of("released_at", "detention_deadline", "verdict",
      "hearing_at", "appeal_outcome", "appeal_filed_at", "appeal_deadline", "payment_status", "payment_due_at");

  /** A case is overdue while a legal deadline has passed and what it demands is not done. */
  private static final String OVERDUE = "COALESCE(status = 'OPEN' AND overdue_at < ?, FALSE)";

  private static final String COLUMNS_READ = "case_number, jurisdiction, status, stage, stage_name, lawyer, opened_at,"
      + " closed_at, detention_deadline, released_at, next_what, next_due_at, incidents, " + OVERDUE + " AS overdue";

  private final JdbcTemplate jdbc;

  public CaseSummaries(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * What one transaction changed of one case ({@link CaseSummaryRecorder}), written in one statement (two if
   * a deadline changed on a case opened before): the case list is part of every step of a case.
   */
  static final class Change {

    private String processInstanceId;
    private String jurisdiction;
    private OffsetDateTime endedAt;
    private final Map<String, Object> columns = new LinkedHashMap<>();

    /** The case was opened in this transaction. */
    void open(String processInstanceId, String jurisdiction) {
      this.processInstanceId = processInstanceId;
      this.jurisdiction = jurisdiction;
    }

    void set(String column, Object value) {
      columns.put(column, value);
    }

    void stage(String stage, String stageName) {
      if (!"CLOSED".equals(columns.get("status"))) {
        columns.put("stage", stage);
        columns.put("stage_name", stageName);
      }
    }

    /** Closed; at {@code endedAt} unless the case says when it closed. */
    void close(OffsetDateTime endedAt) {
      columns.put("status", "CLOSED");
      columns.put("stage", "CLOSED");
      columns.put("stage_name", "Closed");
      this.endedAt = endedAt;
    }

    private boolean changesDeadlines() {
      return DEADLINE_COLUMNS.stream().anyMatch(columns::containsKey);
    }
  }

  /** Writes what a transaction changed of a case. */
  void write(String caseNumber, Change change) {
    Map<String, Object> columns = new LinkedHashMap<>(change.columns);
    if (change.processInstanceId != null) {
      columns.putIfAbsent("status", "OPEN");
      if (change.endedAt != null) {
        columns.putIfAbsent("closed_at", change.endedAt);
      }
      columns.putAll(nextDeadline(columns));
      columns.put("case_number", caseNumber);
      columns.put("process_instance_id", change.processInstanceId);
      columns.put("jurisdiction", change.jurisdiction);
      columns.put("incidents", 0);
      jdbc.update("INSERT INTO case_summary (" + String.join(", ", columns.keySet()) + ") VALUES ("
          + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")", columns.values().toArray());
      return;
    }
    if (change.changesDeadlines()) {
      List<Map<String, Object>> stored = jdbc.query("SELECT " + String.join(", ", DEADLINE_COLUMNS)
          + " FROM case_summary WHERE case_number = ?", (rs, i) -> deadlineColumns(rs), caseNumber);
      if (stored.isEmpty()) {
        return;
      }
      Map<String, Object> deadlines = stored.get(0);
      deadlines.putAll(change.columns);
      columns.putAll(nextDeadline(deadlines));
    }
    List<String> sets = new ArrayList<>(columns.keySet().stream().map(column -> column + " = ?").toList());
    List<Object> args = new ArrayList<>(columns.values());
    if (change.endedAt != null && !columns.containsKey("closed_at")) {
      sets.add("closed_at = COALESCE(closed_at, ?)");
      args.add(change.endedAt);
    }
    if (!sets.isEmpty()) {
      args.add(caseNumber);
      jdbc.update("UPDATE case_summary SET " + String.join(", ", sets) + " WHERE case_number = ?", args.toArray());
    }
  }

  void countIncident(String caseNumber, int change) {
    jdbc.update("UPDATE case_summary SET incidents = GREATEST(incidents + ?, 0) WHERE case_number = ?", change, caseNumber);
  }

  private static Map<String, Object> deadlineColumns(ResultSet rs) throws SQLException {
    Map<String, Object> columns = new HashMap<>();
    for (String column : DEADLINE_COLUMNS) {
      columns.put(column, isTime(column) ? rs.getObject(column, OffsetDateTime.class) : rs.getString(column));
    }
    return columns;
  }

  static boolean isTime(String column) {
    return column.endsWith("_at") || column.endsWith("_deadline");
  }

  /**
   * The case's next deadline from what is still pending (the hearing included) and when it becomes overdue
   * (legal deadlines only: detention, appeal, payment).
   */
  private static Map<String, Object> nextDeadline(Map<String, Object> c) {
    List<NextDeadline> pending = new ArrayList<>();
    pendingIf(pending, c.get("released_at") == null, NextDeadline.What.DETENTION_LIMIT, c.get("detention_deadline"));
    pendingIf(pending, c.get("verdict") == null, NextDeadline.What.HEARING, c.get("hearing_at"));
    pendingIf(pending, c.get("appeal_outcome") == null && c.get("appeal_filed_at") == null,
        NextDeadline.What.APPEAL_DEADLINE, c.get("appeal_deadline"));
    pendingIf(pending, c.get("payment_status") == null, NextDeadline.What.PAYMENT_DUE, c.get("payment_due_at"));
    NextDeadline next = pending.stream().min(Comparator.comparing(NextDeadline::dueAt)).orElse(null);
    OffsetDateTime overdueAt = pending.stream().filter(deadline -> deadline.what() != NextDeadline.What.HEARING)
        .map(NextDeadline::dueAt).min(Comparator.naturalOrder()).orElse(null);
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("next_what", next == null ? null : next.what().name());
    columns.put("next_due_at", next == null ? null : next.dueAt());
    columns.put("overdue_at", overdueAt);
    return columns;
  }

  private static void pendingIf(List<NextDeadline> pending, boolean open, NextDeadline.What what, Object dueAt) {
    if (open && dueAt != null) {
      pending.add(new NextDeadline(what, (OffsetDateTime) dueAt));
    }
  }

  public Page list(Filter filter, Instant now) {
    List<Object> args = new ArrayList<>(List.of(at(now)));
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (filter.status() != Status.ALL) {
      where.append(" AND status = ?");
      args.add(filter.status().name());
    }
    if (filter.lawyer() != null) {
      where.append(" AND lawyer = ?");
      args.add(filter.lawyer());
    }
    if (filter.overdueOnly()) {
      // plain, so that the index on (status, overdue_at) serves it
      where.append(" AND status = 'OPEN' AND overdue_at < ?");
      args.add(at(now));
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_summary" + where,
        Long.class, args.subList(1, args.size()).toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.addAll(List.of(filter.size(), (long) filter.page() * filter.size()));
    List<CaseSummary> cases = jdbc.query("SELECT " + COLUMNS_READ + " FROM case_summary" + where
            + " ORDER BY overdue DESC, CASE WHEN incidents > 0 THEN 0 ELSE 1 END,"
            + " CASE WHEN next_due_at IS NULL THEN 1 ELSE 0 END, next_due_at, case_number DESC LIMIT ? OFFSET ?",
        (rs, i) -> read(rs), pageArgs.toArray());
    return new Page(cases, total == null ? 0 : total);
  }

  public Optional<CaseSummary> find(String caseNumber, Instant now) {
    return jdbc.query("SELECT " + COLUMNS_READ + " FROM case_summary WHERE case_number = ?",
        (rs, i) -> read(rs), at(now), caseNumber).stream().findFirst();
  }

  /** Lawyer → their open cases. */
  public Map<String, Long> openCasesByLawyer() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query("SELECT lawyer, COUNT(*) FROM case_summary WHERE status = 'OPEN' AND lawyer IS NOT NULL GROUP BY lawyer",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  private static CaseSummary read(ResultSet rs) throws SQLException {
    Jurisdiction jurisdiction = Jurisdiction.valueOf(rs.getString("jurisdiction"));
    String nextWhat = rs.getString("next_what");
    return new CaseSummary(rs.getString("case_number"), jurisdiction.name(), rs.getString("status"),
        rs.getString("stage"), rs.getString("stage_name"), rs.getString("lawyer"),
        local(rs, "opened_at", jurisdiction), local(rs, "closed_at", jurisdiction),
        local(rs, "detention_deadline", jurisdiction), local(rs, "released_at", jurisdiction),
        nextWhat == null ? null
            : new NextDeadline(NextDeadline.What.valueOf(nextWhat), local(rs, "next_due_at", jurisdiction)),
        rs.getBoolean("overdue"), rs.getInt("incidents"));
  }

  /** A stored time, shown with the offset of the case's time zone. */
  private static OffsetDateTime local(ResultSet rs, String column, Jurisdiction jurisdiction) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.atZoneSameInstant(jurisdiction.zone()).toOffsetDateTime();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

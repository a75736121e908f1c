package org.habeas.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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

  /** A case is overdue while a legal deadline has passed and what it demands is not done. */
  private static final String OVERDUE = "COALESCE(status = 'OPEN' AND overdue_at < ?, FALSE)";

  private static final String COLUMNS_READ = "case_number, jurisdiction, status, stage, stage_name, lawyer, opened_at,"
      + " closed_at, detention_deadline, released_at, next_what, next_due_at, incidents, " + OVERDUE + " AS overdue";

  private final JdbcTemplate jdbc;

  public CaseSummaries(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void open(String caseNumber, String processInstanceId, String jurisdiction) {
    jdbc.update("INSERT INTO case_summary (case_number, process_instance_id, jurisdiction, status, incidents)"
        + " VALUES (?, ?, ?, 'OPEN', 0)", caseNumber, processInstanceId, jurisdiction);
  }

  /** Sets a tracked variable's column; returns whether the case exists. */
  boolean set(String caseNumber, String column, Object value) {
    return jdbc.update("UPDATE case_summary SET " + column + " = ? WHERE case_number = ?", value, caseNumber) == 1;
  }

  void stage(String caseNumber, String stage, String stageName) {
    jdbc.update("UPDATE case_summary SET stage = ?, stage_name = ? WHERE case_number = ?", stage, stageName, caseNumber);
  }

  void close(String caseNumber, OffsetDateTime at) {
    jdbc.update("UPDATE case_summary SET status = 'CLOSED', stage = 'CLOSED', stage_name = 'Closed',"
        + " closed_at = COALESCE(closed_at, ?) WHERE case_number = ?", at, caseNumber);
  }

  void countIncident(String caseNumber, int change) {
    jdbc.update("UPDATE case_summary SET incidents = GREATEST(incidents + ?, 0) WHERE case_number = ?", change, caseNumber);
  }

  /**
   * Works out, from what is still pending, the case's next deadline (the hearing included) and when it
   * becomes overdue (legal deadlines only: detention, appeal, payment).
   */
  void updateNextDeadline(String caseNumber) {
    jdbc.query("SELECT released_at, detention_deadline, verdict, hearing_at, appeal_outcome, appeal_filed_at,"
        + " appeal_deadline, payment_status, payment_due_at FROM case_summary WHERE case_number = ?", rs -> {
          List<NextDeadline> pending = new ArrayList<>();
          pendingIf(pending, rs.getObject("released_at") == null, NextDeadline.What.DETENTION_LIMIT, rs, "detention_deadline");
          pendingIf(pending, rs.getString("verdict") == null, NextDeadline.What.HEARING, rs, "hearing_at");
          pendingIf(pending, rs.getString("appeal_outcome") == null && rs.getObject("appeal_filed_at") == null,
              NextDeadline.What.APPEAL_DEADLINE, rs, "appeal_deadline");
          pendingIf(pending, rs.getString("payment_status") == null, NextDeadline.What.PAYMENT_DUE, rs, "payment_due_at");
          NextDeadline next = pending.stream().min(Comparator.comparing(NextDeadline::dueAt)).orElse(null);
          OffsetDateTime overdueAt = pending.stream().filter(deadline -> deadline.what() != NextDeadline.What.HEARING)
              .map(NextDeadline::dueAt).min(Comparator.naturalOrder()).orElse(null);
          jdbc.update("UPDATE case_summary SET next_what = ?, next_due_at = ?, overdue_at = ? WHERE case_number = ?",
              next == null ? null : next.what().name(), next == null ? null : next.dueAt(), overdueAt, caseNumber);
        }, caseNumber);
  }

  private static void pendingIf(List<NextDeadline> pending, boolean open, NextDeadline.What what, ResultSet rs,
                                String column) throws SQLException {
    OffsetDateTime dueAt = rs.getObject(column, OffsetDateTime.class);
    if (open && dueAt != null) {
      pending.add(new NextDeadline(what, dueAt));
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

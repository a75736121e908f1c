package org.habeas.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What was sent to whom and when, per case and process step. Written in a transaction of its own right
 * after sending, so that a retried notice that already went out is not sent again.
 */
@Component
public class NotificationLog {

  /** One notification as the case record shows it. */
  public record Entry(String noticeId, String caseNumber, String step, String notice, String recipient, String channel,
                      String subject, Instant sentAt) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public NotificationLog(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public boolean alreadySent(String noticeId) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT COUNT(*) > 0 FROM notification WHERE notice_id = ?", Boolean.class, noticeId));
  }

  public void record(List<Entry> entries) {
    ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(
        "INSERT INTO notification (notice_id, case_number, step, notice, recipient, channel, subject, sent_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entries, entries.size(), (ps, e) -> {
          ps.setString(1, e.noticeId());
          ps.setString(2, e.caseNumber());
          ps.setString(3, e.step());
          ps.setString(4, e.notice());
          ps.setString(5, e.recipient());
          ps.setString(6, e.channel());
          ps.setString(7, e.subject());
          ps.setTimestamp(8, Timestamp.from(e.sentAt()));
        }));
  }

  public List<Entry> forCase(String caseNumber) {
    return jdbc.query("SELECT notice_id, case_number, step, notice, recipient, channel, subject, sent_at"
            + " FROM notification WHERE case_number = ? ORDER BY sent_at, id", (rs, i) -> new Entry(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant()),
        caseNumber);
  }
}

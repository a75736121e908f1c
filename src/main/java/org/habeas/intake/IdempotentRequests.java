package org.habeas.intake;

import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;
import org.habeas.casefile.CaseTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers already given, by the client's {@code Idempotency-Key} (per user): a hotline client that
 * retries gets the first answer, and nothing is created twice.
 */
@Component
public class IdempotentRequests {

  /** A stored answer and a fingerprint of the request it answered. */
  public record Answer(String requestHash, String response) {
  }

  private final JdbcTemplate jdbc;

  public IdempotentRequests(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Optional<Answer> find(String key, String user) {
    return jdbc.query("SELECT request_hash, response FROM idempotent_request WHERE idempotency_key = ? AND user_id = ?",
        (rs, i) -> new Answer(rs.getString(1), rs.getString(2)), key, user).stream().findFirst();
  }

  /** Stores the answer; fails with a duplicate key when a concurrent request with that key got there first. */
  public void save(String key, String user, Answer answer) {
    jdbc.update("INSERT INTO idempotent_request (idempotency_key, user_id, request_hash, response, created_at)"
        + " VALUES (?, ?, ?, ?, ?)", key, user, answer.requestHash(), answer.response(), Timestamp.from(CaseTime.now()));
  }
}

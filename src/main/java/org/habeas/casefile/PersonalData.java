package org.habeas.casefile;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.habeas.security.DataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Defenders' personal data, and the free text that may name them, kept out of Camunda: {@link #seal}
 * moves these variables, in the transaction that set them, into {@code personal_data}, encrypted; the
 * engine never writes them (a variable set and removed in one transaction is not written) and
 * {@code HabeasHistory} keeps them out of history. Reading them back is for people allowed to see the
 * case, and is recorded in the audit trail.
 */
@Component
public class PersonalData {

  /** The variables that never reach Camunda's tables. */
  public static final Set<String> FIELDS = Set.of("defenderName", "organisation", "placeOfDetention", "healthNeeds",
      "safetyConcern", "disability", "reportedBy", "summary", "conditions", "closingSummary", "appealReason",
      "approvalNote");

  /** One entry of the audit trail. */
  public record Access(String caseNumber, String userId, String action, String fields, java.time.Instant at) {
  }

  private final JdbcTemplate jdbc;
  private final DataCipher cipher;

  public PersonalData(DataSource dataSource, DataCipher cipher) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.cipher = cipher;
  }

  /** Moves the personal-data variables of the scope into the encrypted store of the case (in a step). */
  public void seal(VariableScope scope, String caseNumber) {
    List<String> changed = FIELDS.stream().filter(scope::hasVariable).sorted().toList();
    if (changed.isEmpty()) {
      return;
    }
    String user = Context.getCommandContext().getAuthenticatedUserId();
    Timestamp now = Timestamp.from(CaseTime.now());
    List<Object[]> rows = new ArrayList<>();
    for (String field : changed) {
      Object value = scope.getVariable(field);
      scope.removeVariable(field);
      if (value != null && !value.toString().isBlank()) {
        rows.add(new Object[] {caseNumber, field, cipher.seal(value.toString(), caseNumber), now, user});
      }
    }
    List<Object> key = new ArrayList<>(List.of(caseNumber));
    key.addAll(changed);
    jdbc.update("DELETE FROM personal_data WHERE case_number = ? AND field IN ("
        + String.join(", ", Collections.nCopies(changed.size(), "?")) + ")", key.toArray());
    jdbc.batchUpdate("INSERT INTO personal_data (case_number, field, sealed, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)",
        rows);
    audit(caseNumber, user, "CHANGE", changed);
  }

  /** The personal data of a case, decrypted, for its notices (no audit entry: nobody reads it there). */
  public Map<String, String> forNotice(String caseNumber) {
    return read(caseNumber);
  }

  /** The personal data of a case, decrypted, for a person allowed to see it; recorded in the audit trail. */
  public Map<String, String> view(String caseNumber, String userId) {
    Map<String, String> data = read(caseNumber);
    audit(caseNumber, userId, "VIEW", List.copyOf(data.keySet()));
    return data;
  }

  /** Who viewed or changed the case's personal data, oldest first. */
  public List<Access> auditTrail(String caseNumber) {
    return jdbc.query("SELECT case_number, user_id, action, fields, at FROM personal_data_audit WHERE case_number = ?"
        + " ORDER BY at, id", (rs, i) -> new Access(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getTimestamp(5).toInstant()), caseNumber);
  }

  private Map<String, String> read(String caseNumber) {
    Map<String, String> data = new LinkedHashMap<>();
    jdbc.query("SELECT field, sealed FROM personal_data WHERE case_number = ? ORDER BY field",
        rs -> {
          data.put(rs.getString(1), cipher.open(rs.getString(2), caseNumber));
        }, caseNumber);
    return data;
  }

  private void audit(String caseNumber, String user, String action, List<String> fields) {
    jdbc.update("INSERT INTO personal_data_audit (case_number, user_id, action, fields, at) VALUES (?, ?, ?, ?, ?)",
        caseNumber, user, action, String.join(",", fields), Timestamp.from(CaseTime.now()));
  }
}

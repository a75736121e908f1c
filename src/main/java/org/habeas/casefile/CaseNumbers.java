package org.habeas.casefile;

import java.time.Year;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives case numbers {@code {jurisdiction}-{year}-{5-digit sequence}}, e.g. {@code KZ-2026-00042}.
 * The sequence is a database sequence: unique across concurrent starts and across nodes on one
 * database, never locked, never rolled back (so a failed start leaves a gap, which is fine).
 */
@Component
public class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final String nextValueSql;

  public CaseNumbers(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.nextValueSql = isPostgres(dataSource)
        ? "SELECT nextval('case_number_seq')"
        : "SELECT NEXT VALUE FOR case_number_seq";
  }

  public String next(Jurisdiction jurisdiction, Year year) {
    Long sequence = jdbc.queryForObject(nextValueSql, Long.class);
    return String.format("%s-%d-%05d", jurisdiction, year.getValue(), sequence);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot reach the database to set up case numbers", e);
    }
  }
}

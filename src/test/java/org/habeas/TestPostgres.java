package org.habeas;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server for the tests, from binaries served as Maven artifacts, started once per test
 * run. Tests run on it instead of H2 when the system property {@code habeas.test.database} is
 * {@code postgres} (the Maven build runs the process suite both ways).
 */
public final class TestPostgres {

  private static EmbeddedPostgres server;

  private TestPostgres() {
  }

  public static boolean wanted() {
    return "postgres".equals(System.getProperty("habeas.test.database"));
  }

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      }
      // Stopped once Spring has closed its contexts: their engines still use the database as they close.
      SpringApplication.getShutdownHandlers().add(() -> {
        try {
          server.close();
        } catch (IOException e) {
          // the JVM is ending; the server's folder is temporary
        }
      });
    }
    return server;
  }

  /** The JDBC URL of a fresh database on the server. */
  public static String newDatabase(String name) {
    try (var connection = server().getPostgresDatabase().getConnection(); var sql = connection.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }
}

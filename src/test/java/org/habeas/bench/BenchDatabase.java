package org.habeas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.habeas.TestPostgres;

/**
 * A fresh database for one engine of the benchmark: an H2 file under {@code dir} (Habeas' default) or a
 * new database on an embedded PostgreSQL 16 server (the production shape).
 */
public record BenchDatabase(String url, String user, String password, Path h2File) {

  public static final String POSTGRES = "postgres";

  /** Deletes {@code dir/name} first, for H2. */
  public static BenchDatabase fresh(String kind, Path dir, String name) throws IOException {
    if (POSTGRES.equals(kind)) {
      return new BenchDatabase(TestPostgres.newDatabase(name + "_" + System.currentTimeMillis()), "postgres",
          "postgres", null);
    }
    Path folder = dir.resolve(name).toAbsolutePath();
    deleteTree(folder);
    Files.createDirectories(folder);
    // Habeas' H2 settings (application.yaml), for both engines. H2 answers a query again from its last
    // result when no table changed in between; off, so that 500 identical calls on a quiet database
    // measure the query, as on a live one where cases keep changing.
    return new BenchDatabase("jdbc:h2:file:" + folder.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=0",
        "sa", "",
        folder.resolve(name + ".mv.db"));
  }

  public String driver() {
    return h2File == null ? "org.postgresql.Driver" : "org.h2.Driver";
  }

  /** How much room the database takes: the H2 file, or PostgreSQL's {@code pg_database_size}. */
  public long bytes() throws IOException, SQLException {
    if (h2File != null) {
      return Files.exists(h2File) ? Files.size(h2File) : 0;
    }
    try (var connection = DriverManager.getConnection(url, user, password);
         ResultSet rs = connection.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public String describe() {
    return h2File == null ? "PostgreSQL 16 (embedded, zonky)" : "H2 file " + h2File.getFileName();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

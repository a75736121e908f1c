package org.habeas.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.habeas.HabeasApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Habeas running in this JVM, as in production but on a fresh H2 file database in {@code dir}, a free
 * port, the {@code demo} users, no SMTP host (notices are only recorded and logged) and WARN logging.
 */
public final class HabeasServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final Path database;

  private HabeasServer(ConfigurableApplicationContext context, Path database) {
    this.context = context;
    this.database = database;
  }

  /** Deletes {@code dir}, then starts Habeas; {@code jobs} turns the job executor on or off. */
  public static HabeasServer start(Path dir, boolean jobs) throws IOException {
    deleteTree(dir);
    Files.createDirectories(dir);
    Path database = dir.toAbsolutePath().resolve("habeas");
    SpringApplication app = new SpringApplication(HabeasApplication.class);
    app.setAdditionalProfiles("demo");
    ConfigurableApplicationContext context = app.run(
        "--spring.datasource.url=jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=" + jobs,
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN");
    return new HabeasServer(context, database);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public URI baseUri() {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://localhost:" + port);
  }

  /** Size of the H2 database file, in bytes. */
  public long databaseBytes() throws IOException {
    Path file = database.resolveSibling(database.getFileName() + ".mv.db");
    return Files.exists(file) ? Files.size(file) : 0;
  }

  @Override
  public void close() {
    context.close();
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

package org.habeas.bench;

import java.net.URI;
import org.habeas.HabeasApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Habeas running in this JVM as in production (job executor and authorization on), on the given
 * database, a free port, the {@code demo} users, no SMTP host (notices are only recorded and logged) and
 * WARN logging.
 */
public final class HabeasServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private HabeasServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static HabeasServer start(BenchDatabase database) {
    SpringApplication app = new SpringApplication(HabeasApplication.class);
    app.setAdditionalProfiles(database.h2File() == null ? new String[] {"demo", "postgres"} : new String[] {"demo"});
    return new HabeasServer(app.run(
        "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.user(),
        "--spring.datasource.password=" + database.password(),
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public URI baseUri() {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://localhost:" + port);
  }

  @Override
  public void close() {
    context.close();
  }
}

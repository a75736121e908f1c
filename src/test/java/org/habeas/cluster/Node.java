package org.habeas.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.habeas.HabeasApplication;

/**
 * One Habeas node in a JVM of its own, as in production ({@code java -cp … org.habeas.HabeasApplication}),
 * so that it can be killed for real. Its output goes to {@code <dir>/<name>.log}.
 */
final class Node {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private Node(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code java -cp <this JVM's class path> org.habeas.HabeasApplication --key=value …} on a free port. */
  static Node start(String name, Map<String, String> properties, Path dir) {
    try {
      Files.createDirectories(dir);
      int port = freePort();
      Path log = dir.resolve(name + ".log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
          "-cp", classPath(),
          HabeasApplication.class.getName(),
          "--server.port=" + port));
      properties.forEach((key, value) -> command.add("--" + key + "=" + value));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      // should this JVM end without stopping it (Ctrl-C, a crash), the node must not live on
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new Node(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start node " + name, e);
    }
  }

  /** Waits until {@code /actuator/health/liveness} answers 200, then prints the readiness as well. */
  void waitUntilReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; its log "
            + log + " ends with:\n" + tail(40));
      }
      if (get("/actuator/health/liveness").map(HttpResponse::statusCode).orElse(0) == 200) {
        String readiness = get("/actuator/health/readiness").map(r -> r.statusCode() + " " + r.body()).orElse("-");
        System.out.printf("%s is up on port %d (pid %d); readiness: %s%n", name, port, process.pid(), readiness);
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " was not live after " + timeout + "; its log " + log + " ends with:\n"
        + tail(40));
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hook, no graceful end of its jobs or transactions. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Stops the node gracefully (SIGTERM), forcibly after 30 s. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Writes the node's thread dump ({@code jcmd <pid> Thread.print}) next to its log; returns the file. */
  Path threadDump() {
    Path dump = log.resolveSibling(name + "-threads.txt");
    try {
      new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile())
          .start().waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not take a thread dump of " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return dump;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** The last lines of the node's output. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(" + log + " unreadable: " + e + ")";
    }
  }

  /** The node's answer to a GET, or empty while it does not answer. */
  private Optional<HttpResponse<String>> get(String path) throws InterruptedException {
    try {
      return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * This JVM's class path without empty entries: Surefire's ends with one, which would put the working
   * directory, and so the project's processes/ and forms/ folders, on the node's class path a second time.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ", pid " + process.pid() + ")";
  }
}

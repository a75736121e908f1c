package org.habeas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Habeas over HTTP as its users call it: HTTP/1.1, HTTP Basic (demo users: password = user id), JSON. */
public final class Http {

  /** An answer: its status, body and, for lists, the X-Total-Count header (-1 without one). */
  public record Answer(int status, String body, long totalCount) {
    public boolean ok() {
      return status / 100 == 2;
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  public Http(URI base) {
    this.base = base;
  }

  public Answer get(String user, String path) {
    return send(user, path, HttpRequest.BodyPublishers.noBody(), "GET", null);
  }

  /** POSTs {@code body} (any object, written as JSON); {@code idempotencyKey} may be null. */
  public Answer post(String user, String path, Object body, String idempotencyKey) {
    try {
      return send(user, path, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)), "POST",
          idempotencyKey);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer send(String user, String path, HttpRequest.BodyPublisher body, String method, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(),
          response.headers().firstValueAsLong("X-Total-Count").orElse(-1));
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }
}

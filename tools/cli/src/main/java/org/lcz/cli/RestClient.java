package org.lcz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The ingest service's REST API as the terminal commands ({@code ./lcz region}, {@code ./lcz
 * remap}) call it: JSON in and out, the API key as a bearer token, a problem body's detail as the
 * error.
 *
 * @param url the ingest service, e.g. {@code http://127.0.0.1:8081}
 * @param key the API key, or null
 */
record RestClient(String url, String key) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The key given ({@code --key}, {@code LCZ_API_KEY}), else the one {@code ./lcz up} kept. */
  static String key(String given, Path keyFile) throws IOException {
    return given == null && Files.isRegularFile(keyFile) ? Files.readString(keyFile).trim() : given;
  }

  /**
   * Sends a request; returns the JSON answer (an empty object for none).
   *
   * @throws IllegalStateException when the service does not answer, or answers with a problem
   *     ({@code "404: no scene s9"})
   */
  JsonNode send(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r;
    try {
      r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "the ingest service does not answer at " + url + " (is ./lcz up running?)", e);
    }
    if (r.statusCode() >= 400) {
      String detail = r.body();
      try {
        detail = JSON.readTree(r.body()).path("detail").asText(r.body());
      } catch (IOException e) {
        // not a problem body: the text as it is
      }
      throw new IllegalStateException(r.statusCode() + ": " + detail);
    }
    return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }
}

package org.lcz.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.EpochCompleted;
import org.lcz.messaging.EventPublisher;

/** {@code GET /events}: the platform's events from the real broker as Server-Sent Events. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class EventsResourceTest {
  @Inject EventPublisher publisher;

  @TestHTTPResource("/events")
  URI events;

  @Test
  void anEventOnTheBrokerReachesAnOpenStreamAsAServerSentEvent() throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(events)
                    .header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    String runId = "sse-" + UUID.randomUUID();
    java.time.Instant started = java.time.Instant.now().minusSeconds(1); // "at" may be truncated
    // the stream is open (its headers came): what is published now must reach it
    publisher
        .publish(new EpochCompleted(runId, 1, 3, 1.9, 0.4, 0.3, 0.001, 80, 20, 32))
        .get(10, TimeUnit.SECONDS);
    CompletableFuture<JsonNode> mine =
        CompletableFuture.supplyAsync(
            () -> {
              Iterator<String> lines = response.body().iterator();
              while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:") && line.contains(runId)) {
                  try {
                    return new ObjectMapper().readTree(line.substring(5).trim());
                  } catch (Exception e) {
                    throw new IllegalStateException(line, e);
                  }
                }
              }
              return null;
            });
    JsonNode event = mine.get(60, TimeUnit.SECONDS);
    response.body().close();
    assertThat(event.path("kind").asText()).isEqualTo("training");
    assertThat(event.path("id").asText()).isEqualTo(runId);
    assertThat(event.path("type").asText()).isEqualTo("EpochCompleted");
    assertThat(java.time.Instant.parse(event.path("at").asText()))
        .isBetween(started, java.time.Instant.now());
  }
}

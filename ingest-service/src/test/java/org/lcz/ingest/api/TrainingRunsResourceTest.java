package org.lcz.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.Promotion;
import org.lcz.events.Topics;
import org.lcz.events.TrainingRequested;
import org.lcz.ingest.TopicEvents;
import org.lcz.ingest.areas.AreaFixtures;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** {@code POST /training-runs} sends TrainingRequested to the real broker, or a problem. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TrainingRunsResourceTest {
  @jakarta.inject.Inject org.lcz.messaging.EventPublisher publisher;
  @Inject ObjectStore store;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void aValidRequestBecomesTrainingRequestedKeyedByItsRunId() throws Exception {
    String key = "rest-" + UUID.randomUUID() + "/train.h5";
    store.put(Buckets.DATASETS, key, new byte[] {1, 2, 3}, "application/x-hdf5");
    String runId = "rest-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .body(
            "{\"runId\": \""
                + runId
                + "\", \"variant\": \"msmla-50\", \"trainData\": \""
                + key
                + "\", \"epochs\": 3, \"promote\": \"always\"}")
        .post("/training-runs")
        .then()
        .statusCode(202)
        .body("runId", equalTo(runId))
        .body("trainData.bucket", equalTo(Buckets.DATASETS));
    var sent =
        new TopicEvents(bootstrap)
            .await(
                Topics.TRAINING_REQUESTS,
                e -> e instanceof TrainingRequested t && t.runId().equals(runId),
                l -> !l.isEmpty());
    TrainingRequested request = (TrainingRequested) sent.get(0);
    assertThat(request.variant()).isEqualTo("msmla-50");
    assertThat(request.trainData()).isEqualTo(ObjectRef.of(Buckets.DATASETS, key));
    assertThat(request.epochs()).isEqualTo(3);
    assertThat(request.promote()).isEqualTo(Promotion.ALWAYS);
    assertThat(request.batchSize()).isNull(); // left to the worker
  }

  @Test
  void trainingAreasAreBuiltIntoDataSetsByIngestAndTheRequestSentOn(@TempDir Path dir)
      throws Exception {
    String at = "rest-" + UUID.randomUUID() + "/";
    store.put(Buckets.INBOX, at + "scene.tif", AreaFixtures.scene(dir), "image/tiff");
    store.put(Buckets.DATASETS, at + "areas.kml", AreaFixtures.areas(dir, 4), "application/xml");
    String runId = "areas-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .body(
            "{\"runId\": \""
                + runId
                + "\", \"trainingAreas\": {\"areas\": \""
                + at
                + "areas.kml\", \"scenes\": [\""
                + at
                + "scene.tif\"], \"perArea\": 3}}")
        .post("/training-runs")
        .then()
        .statusCode(202)
        .body("runId", equalTo(runId))
        .body("trainingAreas.areas.bucket", equalTo(Buckets.DATASETS))
        .body("trainingAreas.scenes[0].bucket", equalTo(Buckets.INBOX));
    // the service's own listener builds the sets and sends the request again, with them
    var sent =
        new TopicEvents(bootstrap)
            .await(
                Topics.TRAINING_REQUESTS,
                e -> e instanceof TrainingRequested t && t.runId().equals(runId),
                l -> l.size() >= 2);
    TrainingRequested first = (TrainingRequested) sent.get(0);
    TrainingRequested built = (TrainingRequested) sent.get(1);
    assertThat(first.awaitsDataSets()).isTrue();
    assertThat(built.awaitsDataSets()).isFalse();
    assertThat(built.trainData().key()).isEqualTo("areas/" + runId + "/train.h5");
    assertThat(built.trainingAreas()).isEqualTo(first.trainingAreas());
    assertThat(store.exists(Buckets.DATASETS, "areas/" + runId + "/qc.txt")).isTrue();
  }

  @Test
  void missingTrainingAreasAreA422() {
    given()
        .contentType("application/json")
        .body("{\"trainingAreas\": {\"areas\": \"absent.kml\", \"scenes\": [\"absent.tif\"]}}")
        .post("/training-runs")
        .then()
        .statusCode(422)
        .body("detail", equalTo("no object at s3://lcz-datasets/absent.kml"));
  }

  @Test
  void aMissingDataSetIsA422AndNothingIsSent() {
    String runId = "rest-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .body("{\"runId\": \"" + runId + "\", \"trainData\": \"s3://lcz-datasets/absent.h5\"}")
        .post("/training-runs")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", equalTo("no data set at s3://lcz-datasets/absent.h5"));
    publisher.flush(); // whatever the service sent is on the broker now: the absence is final
    assertThat(
            new TopicEvents(bootstrap)
                .read(
                    Topics.TRAINING_REQUESTS,
                    e -> e instanceof TrainingRequested t && t.runId().equals(runId)))
        .isEmpty();
  }

  @Test
  void badFieldsAreA400NamingTheField() {
    given()
        .contentType("application/json")
        .body("{\"variant\": \"res net\", \"trainData\": \"x.h5\"}")
        .post("/training-runs")
        .then()
        .statusCode(400)
        .body("detail", containsString("variant must be an architecture's name such as msmla-18"));
    given()
        .contentType("application/json")
        .body("{\"trainData\": \"x.h5\", \"epochs\": 0}")
        .post("/training-runs")
        .then()
        .statusCode(400)
        .body("detail", equalTo("epochs must be at least 1, not 0"));
    given()
        .contentType("application/json")
        .body("{\"epochs\": \"many\"}")
        .post("/training-runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("from String \"many\": not a valid"));
    // the finding: a misspelt field was dropped and the run trained with the default
    given()
        .contentType("application/json")
        .body("{\"trainData\": \"x.h5\", \"epoch\": 3}")
        .post("/training-runs")
        .then()
        .statusCode(400)
        .body("detail", containsString("unknown field 'epoch'"));
    given()
        .contentType("application/json")
        .body("{\"trainingAreas\": {\"areas\": \"a.kml\", \"scene\": \"s.tif\"}}")
        .post("/training-runs")
        .then()
        .statusCode(400)
        .body("detail", containsString("unknown field 'scene'"));
    given()
        .contentType("application/json")
        .body("{\"trainData\": \"x.h5\", \"bands\": [\"" + "B2\", \"".repeat(60_000) + "B3\"]}")
        .post("/training-runs")
        .then()
        .statusCode(413)
        .body("detail", containsString("at most 262144 bytes"));
    given()
        .contentType("application/json")
        .body("{\"trainData\": ")
        .post("/training-runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("not valid JSON"));
  }
}

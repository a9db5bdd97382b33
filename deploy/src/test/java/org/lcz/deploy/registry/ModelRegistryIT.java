package org.lcz.deploy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.messaging.EventPublisher;
import org.lcz.registry.CurrentModel;
import org.lcz.registry.ModelRegistry;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** The registry over the real broker and S3 server: promotion, candidates, corrupted objects. */
@ExtendWith(LocalStackExtension.class)
class ModelRegistryIT {
  private final String name = "m-" + UUID.randomUUID();

  private ModelPublished published(String version, ObjectRef model, boolean promoted) {
    ModelContract contract =
        new ModelContract(
            "MSMLA-18",
            List.of("B2"),
            48,
            10,
            Radiometry.CANONICAL,
            List.of(0.0),
            List.of(1.0),
            List.of(1),
            List.of("1"),
            null,
            null,
            version,
            Instant.now());
    return new ModelPublished(
        1,
        name,
        version,
        model,
        ObjectRef.of(Buckets.MODELS, name + "/" + version + "/model.json"),
        contract,
        promoted,
        promoted ? "promoted" : "not better",
        0.9,
        null,
        Instant.now());
  }

  @Test
  void theLatestPromotedVersionIsCurrentAndACorruptedOneIsRefused(
      LocalStack stack, @TempDir Path dir) throws Exception {
    ModelRegistry registry = new ModelRegistry(stack.kafkaBootstrapServers());
    assertThat(registry.current(name)).isEmpty();
    try (ObjectStore store = stack.newObjectStore();
        EventPublisher publisher =
            new EventPublisher(stack.kafkaBootstrapServers(), URI.create("/lcz/it/registry"))) {
      CurrentModel current = new CurrentModel(() -> registry.current(name), store, dir);
      assertThat(current.refresh().outcome()).isEqualTo(CurrentModel.Outcome.UNCHANGED);

      byte[] v1 = "onnx model one".getBytes(StandardCharsets.UTF_8);
      ObjectRef ref1 = store.put(Buckets.MODELS, name + "/v1/model.onnx", v1, "application/onnx");
      publisher.publish(published("v1", ref1, true)).get(30, TimeUnit.SECONDS);
      assertThat(current.refresh().outcome()).isEqualTo(CurrentModel.Outcome.SWAPPED);
      assertThat(Files.readAllBytes(current.get().orElseThrow().onnx())).isEqualTo(v1);

      ObjectRef ref2 =
          store.put(Buckets.MODELS, name + "/v2/model.onnx", new byte[] {2}, "application/onnx");
      publisher.publish(published("v2", ref2, false)).get(30, TimeUnit.SECONDS);
      assertThat(registry.current(name))
          .hasValueSatisfying(p -> assertThat(p.version()).isEqualTo("v1"));
      assertThat(current.refresh().outcome()).isEqualTo(CurrentModel.Outcome.UNCHANGED);
      // a version by its name, promoted or not (what a re-map names); others are absent
      assertThat(registry.version(name, "v2"))
          .hasValueSatisfying(p -> assertThat(p.model()).isEqualTo(ref2));
      assertThat(registry.version(name, "v1"))
          .hasValueSatisfying(p -> assertThat(p.promoted()).isTrue());
      assertThat(registry.version(name, "v9")).isEmpty();
      assertThat(registry.version(name + "-other", "v1")).isEmpty();

      byte[] v3 = "onnx model three".getBytes(StandardCharsets.UTF_8);
      ObjectRef ref3 = store.put(Buckets.MODELS, name + "/v3/model.onnx", v3, "application/onnx");
      // the object is replaced by a truncated copy after the event named its checksum
      store.put(
          Buckets.MODELS,
          name + "/v3/model.onnx",
          "onnx model".getBytes(StandardCharsets.UTF_8),
          "application/onnx");
      publisher.publish(published("v3", ref3, true)).get(30, TimeUnit.SECONDS);
      CurrentModel.Refresh refused = current.refresh();
      assertThat(refused.outcome()).isEqualTo(CurrentModel.Outcome.REFUSED);
      assertThat(refused.detail())
          .contains("version v3")
          .contains(name + "/v3/model.onnx")
          .contains("still using version v1");
      assertThat(current.get().orElseThrow().event().version()).isEqualTo("v1");
      assertThat(Files.readAllBytes(current.get().orElseThrow().onnx())).isEqualTo(v1);
    }
  }
}

package org.lcz.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.inference.map.ActiveModel;
import org.lcz.inference.map.PatchClassifier;
import org.lcz.inference.map.UnmappableTileException;
import org.lcz.registry.CurrentModel;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;

/** Model files come from the real S3 server; the opener records what it opens and closes. */
@ExtendWith(LocalStackExtension.class)
class ModelSlotTest {
  private final List<String> closed = new ArrayList<>();

  private final class Recorded implements PatchClassifier {
    final String version;

    Recorded(String version) {
      this.version = version;
    }

    @Override
    public void classify(float[] patches, int count, float[] probabilities) {}

    @Override
    public int classes() {
      return 2;
    }

    @Override
    public String device() {
      return "test";
    }

    @Override
    public void close() {
      closed.add(version);
    }
  }

  @Test
  void aNewVersionTakesOverAtTheNextAcquireAndTheOldOneIsClosedThen(
      LocalStack stack, @TempDir Path dir) {
    try (ObjectStore store = stack.newObjectStore()) {
      AtomicReference<ModelPublished> current = new AtomicReference<>();
      ModelSlot slot =
          new ModelSlot(
              new CurrentModel(() -> Optional.ofNullable(current.get()), store, dir),
              loaded -> new ActiveModel(loaded.event(), new Recorded(loaded.event().version()), 8));
      assertThat(slot.acquire()).isEmpty();
      assertThat(slot.refresh().outcome()).isEqualTo(CurrentModel.Outcome.UNCHANGED);

      current.set(published(store, "v1", "model one"));
      assertThat(slot.refresh().outcome()).isEqualTo(CurrentModel.Outcome.SWAPPED);
      assertThat(slot.acquire().orElseThrow().version()).isEqualTo("v1");

      current.set(published(store, "v2", "model two"));
      slot.refresh();
      assertThat(slot.version()).contains("v2");
      assertThat(closed).as("v1 maps until the tile loop asks again").isEmpty();
      assertThat(slot.acquire().orElseThrow().version()).isEqualTo("v2");
      assertThat(closed).containsExactly("v1");

      // a version whose file is missing is refused; v2 stays
      ModelPublished broken = published(store, "v3", "three");
      current.set(
          new ModelPublished(
              broken.schemaVersion(),
              broken.modelName(),
              "v3",
              ObjectRef.of(Buckets.MODELS, "missing/" + UUID.randomUUID())
                  .withSha256(broken.model().sha256()),
              broken.card(),
              broken.contract(),
              true,
              "test",
              0.5,
              null,
              broken.publishedAt()));
      assertThat(slot.refresh().outcome()).isEqualTo(CurrentModel.Outcome.REFUSED);
      assertThat(slot.problem()).isPresent();
      assertThat(slot.acquire().orElseThrow().version()).isEqualTo("v2");
      slot.close();
      assertThat(closed).containsExactly("v1", "v2");
    }
  }

  @Test
  void aRemapsVersionIsOpenedBesideTheCurrentOneKeptForItsTilesAndClosedForAnother(
      LocalStack stack, @TempDir Path dir) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      Map<String, ModelPublished> registry = new HashMap<>();
      for (String v : List.of("v1", "v2", "v3")) {
        registry.put(v, published(store, v, "model " + v));
      }
      List<String> opened = new ArrayList<>();
      AtomicReference<ModelPublished> current = new AtomicReference<>(registry.get("v3"));
      ModelSlot slot =
          new ModelSlot(
              new CurrentModel(() -> Optional.ofNullable(current.get()), store, dir),
              loaded -> {
                opened.add(loaded.event().version());
                assertThat(loaded.onnx()).hasContent("model " + loaded.event().version());
                return new ActiveModel(loaded.event(), new Recorded(loaded.event().version()), 8);
              },
              v -> {
                ModelPublished p = registry.get(v);
                return p == null
                    ? Optional.empty()
                    : Optional.of(CurrentModel.fetch(p, store, dir));
              });
      slot.refresh();
      assertThat(slot.acquire("v3").version()).as("the current one itself").isEqualTo("v3");
      assertThat(opened).containsExactly("v3");
      ActiveModel v1 = slot.acquire("v1");
      assertThat(v1.version()).isEqualTo("v1");
      assertThat(slot.acquire("v1")).as("kept for the re-map's next tiles").isSameAs(v1);
      assertThat(slot.acquire().orElseThrow().version()).as("first maps go on").isEqualTo("v3");
      assertThat(opened).containsExactly("v3", "v1");
      assertThat(slot.acquire("v2").version()).isEqualTo("v2");
      assertThat(closed).as("one pinned version at a time").containsExactly("v1");
      assertThatThrownBy(() -> slot.acquire("v9"))
          .isInstanceOf(UnmappableTileException.class)
          .hasMessage(
              "model version v9 is not in the registry (lcz.models holds each model's current"
                  + " version and its latest candidate)");
      // an event without the model's digest: refused for good (the tile is dead-lettered, not
      // retried)
      ModelPublished v4 = published(store, "v4", "model v4");
      registry.put(
          "v4",
          new ModelPublished(
              v4.schemaVersion(),
              v4.modelName(),
              "v4",
              ObjectRef.of(v4.model().bucket(), v4.model().key()),
              v4.card(),
              v4.contract(),
              false,
              "test",
              0.5,
              null,
              v4.publishedAt()));
      assertThatThrownBy(() -> slot.acquire("v4"))
          .isInstanceOfSatisfying(
              ObjectStoreException.class, e -> assertThat(e.permanent()).isTrue())
          .hasMessageContaining("carries no SHA-256");
      slot.close();
      assertThat(closed).containsExactlyInAnyOrder("v1", "v2", "v3");
    }
  }

  @Test
  void aSlotWithoutVersionsRefusesARemapOfAnotherVersion(LocalStack stack, @TempDir Path dir) {
    try (ObjectStore store = stack.newObjectStore()) {
      ModelPublished v1 = published(store, "v1", "one");
      ModelSlot slot =
          new ModelSlot(
              new CurrentModel(() -> Optional.of(v1), store, dir),
              loaded -> new ActiveModel(loaded.event(), new Recorded(loaded.event().version()), 8));
      slot.refresh();
      assertThat(slot.acquire("v1").version()).isEqualTo("v1");
      assertThatThrownBy(() -> slot.acquire("v0"))
          .isInstanceOf(UnmappableTileException.class)
          .hasMessageStartingWith("model version v0 is not in the registry");
      slot.close();
    }
  }

  private static ModelPublished published(ObjectStore store, String version, String content) {
    ObjectRef file =
        store.put(
            Buckets.MODELS,
            "slot-test/" + UUID.randomUUID() + "/model.onnx",
            content.getBytes(StandardCharsets.UTF_8),
            "application/octet-stream");
    ModelContract contract =
        new ModelContract(
            "MSMLA-18",
            List.of("B2"),
            16,
            10,
            Radiometry.CANONICAL,
            List.of(0.0),
            List.of(1.0),
            List.of(1, 2),
            List.of("1", "2"),
            null,
            null,
            version,
            Instant.now());
    return new ModelPublished(
        1, "msmla", version, file, file, contract, true, "test", 0.5, null, Instant.now());
  }
}

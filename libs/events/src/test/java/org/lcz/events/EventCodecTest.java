package org.lcz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcz.storage.ObjectRef;

class EventCodecTest {
  private final EventCodec codec = new EventCodec();
  private final ObjectMapper json = new ObjectMapper();
  private static final URI SOURCE = URI.create("/lcz/test");

  static java.util.stream.Stream<LczEvent> events() {
    return SampleEvents.all().stream();
  }

  @Test
  void samplesCoverEveryEventType() {
    Set<EventType> covered =
        SampleEvents.all().stream().map(EventType::of).collect(Collectors.toSet());
    assertThat(covered).isEqualTo(EnumSet.allOf(EventType.class));
  }

  @ParameterizedTest
  @MethodSource("events")
  void jsonRoundTripGivesTheSameEvent(LczEvent event) throws Exception {
    byte[] payload = codec.toJson(event);
    assertThat(json.readTree(payload).get("schemaVersion").asInt())
        .isEqualTo(LczEvent.currentSchemaVersion(event.getClass()))
        .isEqualTo(
            event instanceof SceneMapCompleted
                ? 4
                : event instanceof TrainingRequested
                        || event instanceof SceneReceived
                        || event instanceof SceneTiled
                        || event instanceof EpochCompleted
                        || event instanceof TileReady
                        || event instanceof MapTileWritten
                    ? 2
                    : 1);
    assertThat(json.readTree(payload).has("key")).isFalse();
    assertThat(codec.fromJson(payload, event.getClass())).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("events")
  void kafkaBinaryModeRoundTripKeepsEventAndAttributes(LczEvent event) {
    CloudEvent ce = codec.toCloudEvent(event, SOURCE, "id-1");
    RecordHeaders headers = new RecordHeaders();
    byte[] value;
    try (CloudEventSerializer ser = new CloudEventSerializer()) {
      ser.configure(Map.of(), false);
      value = ser.serialize("t", headers, ce);
    }
    // Binary mode: attributes travel as ce_ headers, the value is the bare JSON payload.
    assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
        .isEqualTo("org.lcz." + event.getClass().getSimpleName());
    assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8))
        .isEqualTo("1.0");
    assertThat(new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8))
        .isEqualTo(event.key());
    assertThat(value).isEqualTo(codec.toJson(event));

    CloudEvent back;
    try (CloudEventDeserializer de = new CloudEventDeserializer()) {
      back = de.deserialize("t", headers, value);
    }
    assertThat(back.getId()).isEqualTo("id-1");
    assertThat(back.getSource()).isEqualTo(SOURCE);
    assertThat(codec.fromCloudEvent(back)).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("events")
  void unknownFieldsAreIgnored(LczEvent event) throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.toJson(event));
    tree.put("addedByANewerProducer", "whatever");
    tree.putObject("nested").put("x", 1);
    assertThat(codec.fromJson(json.writeValueAsBytes(tree), event.getClass())).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("events")
  void everyRequiredFieldMissingIsAnErrorNamingIt(LczEvent event) throws Exception {
    ObjectNode full = (ObjectNode) json.readTree(codec.toJson(event));
    Set<String> required = requiredFields(event.getClass());
    assertThat(required).contains("schemaVersion");
    for (String field : required) {
      ObjectNode without = full.deepCopy();
      without.remove(field);
      byte[] payload = json.writeValueAsBytes(without);
      assertThatThrownBy(() -> codec.fromJson(payload, event.getClass()))
          .as("missing %s", field)
          .isInstanceOf(InvalidEventException.class)
          .hasMessageContaining(event.getClass().getSimpleName())
          .hasMessageContaining("'" + field + "'");
    }
  }

  /** Names of the canonical-constructor parameters that carry {@code required = true}. */
  private static Set<String> requiredFields(Class<?> type) throws NoSuchMethodException {
    var components = type.getRecordComponents();
    var ctor =
        type.getDeclaredConstructor(
            Arrays.stream(components).map(c -> c.getType()).toArray(Class<?>[]::new));
    Set<String> required = new java.util.HashSet<>();
    for (int i = 0; i < components.length; i++) {
      var p =
          ctor.getParameters()[i].getAnnotation(
              com.fasterxml.jackson.annotation.JsonProperty.class);
      if (p != null && p.required()) {
        required.add(components[i].getName());
      }
    }
    return required;
  }

  @Test
  void nullRequiredFieldIsAnErrorNamingIt() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.toJson(SampleEvents.all().get(0)));
    tree.putNull("sceneId");
    assertThatThrownBy(() -> codec.fromJson(json.writeValueAsBytes(tree), SceneReceived.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'sceneId'");
  }

  @Test
  void missingFieldOfANestedReferenceIsNamed() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.toJson(SampleEvents.all().get(3)));
    ((ObjectNode) tree.get("tile")).remove("key");
    assertThatThrownBy(() -> codec.fromJson(json.writeValueAsBytes(tree), TileReady.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'key'")
        .hasMessageContaining("tile");
  }

  @Test
  void idsAndKeysThatWouldLeaveTheirPrefixAreInvalidEvents() throws Exception {
    TileReady sample =
        (TileReady)
            SampleEvents.all().stream()
                .filter(TileReady.class::isInstance)
                .findFirst()
                .orElseThrow();
    for (String sceneId : new String[] {"..", "../lcz-models", "a/b", "s 1"}) {
      ObjectNode tree = (ObjectNode) json.readTree(codec.toJson(sample));
      tree.put("sceneId", sceneId);
      assertThatThrownBy(() -> codec.fromJson(json.writeValueAsBytes(tree), TileReady.class))
          .as(sceneId)
          .isInstanceOf(InvalidEventException.class)
          .hasMessageContaining("sceneId");
    }
    ObjectNode tree = (ObjectNode) json.readTree(codec.toJson(sample));
    ((ObjectNode) tree.get("tile")).put("key", "../lcz-models/msmla/1/model.onnx");
    assertThatThrownBy(() -> codec.fromJson(json.writeValueAsBytes(tree), TileReady.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'..' segment");
  }

  @Test
  void newerSchemaVersionIsRefused() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree(codec.toJson(SampleEvents.all().get(0)));
    tree.put("schemaVersion", 3);
    assertThatThrownBy(() -> codec.fromJson(json.writeValueAsBytes(tree), SceneReceived.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("schemaVersion 3");
  }

  @Test
  void sceneMapCompletedReadsVersionOneWithItsThreeObjectsAsProductsAndRefusesVersionFive()
      throws Exception {
    SceneMapCompleted sample =
        (SceneMapCompleted)
            SampleEvents.all().stream()
                .filter(SceneMapCompleted.class::isInstance)
                .findFirst()
                .orElseThrow();
    ObjectNode tree = (ObjectNode) json.readTree(codec.toJson(sample));
    assertThat(tree.at("/products/map/key").asText()).isEqualTo("scenes/s1/lcz.tif");
    tree.remove("products");
    tree.put("schemaVersion", 1);
    SceneMapCompleted v1 = codec.fromJson(json.writeValueAsBytes(tree), SceneMapCompleted.class);
    assertThat(v1.schemaVersion()).isEqualTo(1);
    assertThat(v1.products().keySet()).containsExactly("map", "preview", "stac-item");
    assertThat(v1.products().get("stac-item")).isEqualTo(sample.stacItem());
    assertThat(v1.acquiredAt()).isNull();
    assertThat(v1.remap()).isFalse();
    tree.put("schemaVersion", 5);
    assertThatThrownBy(() -> codec.fromJson(json.writeValueAsBytes(tree), SceneMapCompleted.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("schemaVersion 5; this reader understands 1 to 4");
  }

  @Test
  void aRemapIsNamedOnItsTilesAndItsMapAndAFirstMapSaysNothingOfIt() throws Exception {
    ObjectRef tile = ObjectRef.of("lcz-tiles", "scenes/s1/tiles/0_1.tif");
    ObjectRef manifest = ObjectRef.of("lcz-tiles", "scenes/s1/manifest.json");
    TileReady first = new TileReady("s1", "s1-0_1", 0, 1, 4, tile, manifest);
    assertThat(json.readTree(codec.toJson(first)).has("remapModel")).isFalse();
    TileReady again = first.remappedBy("20261124T101500Z-run-7");
    assertThat(again.isRemap()).isTrue();
    assertThat(codec.fromJson(codec.toJson(again), TileReady.class)).isEqualTo(again);
    assertThatThrownBy(() -> first.remappedBy("../v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remapModel");
    MapTileWritten firstTile = new MapTileWritten("s1", "s1-0_1", 0, 1, 4, tile, "v1");
    assertThat(json.readTree(codec.toJson(firstTile)).has("remap")).isFalse();
    MapTileWritten remapTile = new MapTileWritten("s1", "s1-0_1", 0, 1, 4, tile, "v2", true);
    assertThat(json.readTree(codec.toJson(remapTile)).get("remap").asBoolean()).isTrue();
    assertThat(codec.fromJson(codec.toJson(remapTile), MapTileWritten.class).remap()).isTrue();
    SceneMapCompleted sample =
        (SceneMapCompleted)
            SampleEvents.all().stream()
                .filter(SceneMapCompleted.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(json.readTree(codec.toJson(sample)).has("remap")).isFalse();
    SceneMapCompleted remapped =
        new SceneMapCompleted(
            sample.sceneId(),
            sample.map(),
            sample.preview(),
            sample.stacItem(),
            "v2",
            sample.tileCount(),
            sample.completedAt(),
            sample.products(),
            sample.acquiredAt(),
            true);
    assertThat(codec.fromJson(codec.toJson(remapped), SceneMapCompleted.class)).isEqualTo(remapped);
  }

  @Test
  void anUnknownAcquisitionIsAbsentFromThePayloadAndAKnownOneRoundTrips() throws Exception {
    ObjectRef src = ObjectRef.of("lcz-inbox", "a.tif");
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    byte[] unknown = codec.toJson(new SceneReceived("s1", src, t));
    assertThat(json.readTree(unknown).has("acquiredAt")).isFalse();
    Instant acquired = Instant.parse("2025-06-01T10:20:31.024Z");
    SceneTiled tiled = new SceneTiled("s1", 4, src, t, acquired);
    byte[] known = codec.toJson(tiled);
    assertThat(json.readTree(known).get("acquiredAt").asText())
        .isEqualTo("2025-06-01T10:20:31.024Z");
    assertThat(codec.fromJson(known, SceneTiled.class).acquiredAt()).isEqualTo(acquired);
    // a version 1 payload (before acquiredAt) still reads, acquisition unknown
    ObjectNode v1 = (ObjectNode) json.readTree(unknown);
    v1.put("schemaVersion", 1);
    assertThat(codec.fromJson(json.writeValueAsBytes(v1), SceneReceived.class).acquiredAt())
        .isNull();
  }

  @Test
  void malformedJsonIsAnInvalidEvent() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.fromJson(garbage, TileReady.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("TileReady");
  }

  @Test
  void unknownCloudEventTypeIsRefusedWithTheKnownOnes() {
    CloudEvent ce =
        CloudEventBuilder.v1()
            .withId("x")
            .withSource(SOURCE)
            .withType("com.example.Other")
            .withData("{}".getBytes(StandardCharsets.UTF_8))
            .build();
    assertThatThrownBy(() -> codec.fromCloudEvent(ce))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("com.example.Other")
        .hasMessageContaining("org.lcz.TileReady");
  }

  @Test
  void cloudEventWithoutDataIsRefused() {
    CloudEvent ce =
        CloudEventBuilder.v1().withId("x").withSource(SOURCE).withType("org.lcz.TileReady").build();
    assertThatThrownBy(() -> codec.fromCloudEvent(ce))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("no data");
  }

  @Test
  void typedReadRefusesAnotherEvent() {
    CloudEvent ce = codec.toCloudEvent(SampleEvents.all().get(0), SOURCE);
    assertThatThrownBy(() -> codec.fromCloudEvent(ce, TileReady.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("expected TileReady, got SceneReceived");
  }

  @Test
  void freshIdsDiffer() {
    LczEvent e = SampleEvents.all().get(0);
    assertThat(codec.toCloudEvent(e, SOURCE).getId())
        .isNotEqualTo(codec.toCloudEvent(e, SOURCE).getId());
  }
}

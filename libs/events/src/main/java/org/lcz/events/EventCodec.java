package org.lcz.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns events into JSON payloads and CloudEvents 1.0 envelopes and back. Unknown payload fields
 * are ignored (a newer producer may add some); a missing required field, or a schema version newer
 * than this reader, is an {@link InvalidEventException} naming the event and the field.
 * Thread-safe.
 */
public final class EventCodec {
  /** The {@code datacontenttype} of every payload. */
  public static final String CONTENT_TYPE = "application/json";

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** The JSON payload of an event. */
  public byte[] toJson(LczEvent event) {
    try {
      return mapper.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
    }
  }

  /** Reads a payload of a known type. */
  public <E extends LczEvent> E fromJson(byte[] json, Class<E> type) {
    E event;
    try {
      event = mapper.readValue(json, type);
    } catch (IOException e) {
      throw new InvalidEventException(
          "invalid " + type.getSimpleName() + " event: " + describe(e), e);
    }
    if (event == null) {
      throw new InvalidEventException("invalid " + type.getSimpleName() + " event: empty payload");
    }
    int newest = LczEvent.currentSchemaVersion(event.getClass());
    if (event.schemaVersion() < 1 || event.schemaVersion() > newest) {
      throw new InvalidEventException(
          type.getSimpleName()
              + " has schemaVersion "
              + event.schemaVersion()
              + "; this reader understands 1 to "
              + newest);
    }
    return event;
  }

  /** A CloudEvent with a fresh random id. */
  public CloudEvent toCloudEvent(LczEvent event, URI source) {
    return toCloudEvent(event, source, UUID.randomUUID().toString());
  }

  /**
   * A CloudEvent for {@code event}: {@code type} from {@link EventType}, {@code subject} = the
   * event's key, JSON data.
   *
   * @param id the CloudEvents id; producers that may send the same fact twice use a deterministic
   *     one so that consumers can recognise the repeat
   */
  public CloudEvent toCloudEvent(LczEvent event, URI source, String id) {
    return CloudEventBuilder.v1()
        .withId(id)
        .withSource(source)
        .withType(EventType.of(event).cloudEventType())
        .withSubject(event.key())
        .withTime(OffsetDateTime.now(ZoneOffset.UTC))
        .withDataContentType(CONTENT_TYPE)
        .withData(toJson(event))
        .build();
  }

  /** The event inside a CloudEvent of the platform. */
  public LczEvent fromCloudEvent(CloudEvent cloudEvent) {
    EventType type =
        EventType.ofCloudEventType(cloudEvent.getType())
            .orElseThrow(
                () ->
                    new InvalidEventException(
                        "unknown event type '"
                            + cloudEvent.getType()
                            + "' (id "
                            + cloudEvent.getId()
                            + "); known types: "
                            + Arrays.stream(EventType.values())
                                .map(EventType::cloudEventType)
                                .collect(Collectors.joining(", "))));
    CloudEventData data = cloudEvent.getData();
    if (data == null) {
      throw new InvalidEventException(
          "event " + cloudEvent.getType() + " (id " + cloudEvent.getId() + ") has no data");
    }
    return fromJson(data.toBytes(), type.javaType());
  }

  /** The event inside a CloudEvent, which must be of the given type. */
  public <E extends LczEvent> E fromCloudEvent(CloudEvent cloudEvent, Class<E> type) {
    LczEvent event = fromCloudEvent(cloudEvent);
    if (!type.isInstance(event)) {
      throw new InvalidEventException(
          "expected " + type.getSimpleName() + ", got " + event.getClass().getSimpleName());
    }
    return type.cast(event);
  }

  private static String describe(IOException e) {
    if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
      return vie.getCause().getMessage() + at(vie);
    }
    if (e instanceof JsonMappingException jme) {
      return jme.getOriginalMessage() + at(jme);
    }
    return e.getMessage();
  }

  private static String at(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "" : " (at " + path + ")";
  }
}

package org.lcz.ingest.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MinIO's S3 event JSON (what MinIO publishes to a Kafka notification target: {@code
 * EventName}, {@code Key} and S3's {@code Records}) and keeps the objects that were created. Object
 * keys arrive URL-encoded and are decoded here.
 */
public final class MinioNotification {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One created object: bucket, key (decoded), size and ETag (without quotes). */
  public record Created(String bucket, String key, long size, String etag) {}

  /** Thrown for a record that is not MinIO's event JSON. */
  public static final class InvalidNotification extends RuntimeException {
    InvalidNotification(String message) {
      super(message);
    }
  }

  private MinioNotification() {}

  /**
   * The objects an event says were created (none for removals and other events).
   *
   * @throws InvalidNotification when the record is not MinIO's S3 event JSON
   */
  public static List<Created> created(byte[] value) {
    JsonNode root;
    try {
      root = value == null ? null : JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new InvalidNotification("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidNotification("not JSON: " + e.getMessage());
    }
    if (root == null || !root.path("Records").isArray()) {
      throw new InvalidNotification("not an S3 event: no Records array");
    }
    List<Created> created = new ArrayList<>();
    for (JsonNode r : root.path("Records")) {
      String name = r.path("eventName").asText("");
      if (!name.startsWith("s3:ObjectCreated:") && !name.startsWith("ObjectCreated:")) {
        continue;
      }
      JsonNode s3 = r.path("s3");
      String bucket = s3.path("bucket").path("name").asText(null);
      String key = s3.path("object").path("key").asText(null);
      if (bucket == null || key == null || bucket.isEmpty() || key.isEmpty()) {
        throw new InvalidNotification(
            "an ObjectCreated record without s3.bucket.name or s3.object.key");
      }
      created.add(
          new Created(
              bucket,
              URLDecoder.decode(key, StandardCharsets.UTF_8),
              s3.path("object").path("size").asLong(-1),
              s3.path("object").path("eTag").asText("").replace("\"", "")));
    }
    return created;
  }
}

package org.lcz.ingest.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MinioNotificationTest {
  /** What MinIO publishes to a Kafka target for a PUT (shape from MinIO's documentation). */
  static String put(String bucket, String encodedKey, String etag) {
    return """
        {"EventName":"s3:ObjectCreated:Put","Key":"%1$s/%2$s","Records":[{"eventVersion":"2.0",
        "eventSource":"minio:s3","awsRegion":"","eventTime":"2026-11-24T10:00:00.000Z",
        "eventName":"s3:ObjectCreated:Put","userIdentity":{"principalId":"minioadmin"},
        "requestParameters":{"principalId":"minioadmin","region":"","sourceIPAddress":"10.0.0.1"},
        "responseElements":{"x-amz-request-id":"17A2","x-minio-origin-endpoint":"http://minio:9000"},
        "s3":{"s3SchemaVersion":"1.0","configurationId":"Config",
        "bucket":{"name":"%1$s","ownerIdentity":{"principalId":"minioadmin"},"arn":"arn:aws:s3:::%1$s"},
        "object":{"key":"%2$s","size":183744,"eTag":"%3$s","contentType":"image/tiff",
        "userMetadata":{"content-type":"image/tiff"},"sequencer":"17A2A1E5F0E0B3C2"}},
        "source":{"host":"10.0.0.1","port":"","userAgent":"MinIO (linux; amd64) minio-go/v7"}}]}
        """
        .formatted(bucket, encodedKey, etag);
  }

  @Test
  void aCreatedObjectIsReadWithItsKeyDecoded() {
    var created =
        MinioNotification.created(
            put("lcz-inbox", "seoul/2026+05+01%C3%A9.tif", "3f9a2c1b")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(created)
        .containsExactly(
            new MinioNotification.Created(
                "lcz-inbox", "seoul/2026 05 01é.tif", 183744, "3f9a2c1b"));
  }

  @Test
  void removalsAreNotCreations() {
    String removed =
        put("lcz-inbox", "a.tif", "e").replace("ObjectCreated:Put", "ObjectRemoved:Delete");
    assertThat(MinioNotification.created(removed.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void whatIsNotMiniosEventJsonIsInvalid() {
    assertThatThrownBy(() -> MinioNotification.created("{oops".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MinioNotification.InvalidNotification.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> MinioNotification.created("{}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("no Records array");
    assertThatThrownBy(
            () ->
                MinioNotification.created(
                    "{\"Records\":[{\"eventName\":\"s3:ObjectCreated:Put\",\"s3\":{}}]}"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("without s3.bucket.name");
    assertThatThrownBy(() -> MinioNotification.created(null)).hasMessageContaining("no Records");
  }
}

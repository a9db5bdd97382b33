package org.lcz.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteBucketsTest {
  private static RemoteBuckets.Source open(String name, String endpoint, String... buckets) {
    return new RemoteBuckets.Source(
        name,
        URI.create(endpoint),
        List.of(buckets),
        Optional.empty(),
        Optional.empty(),
        "us-west-2");
  }

  @Test
  void aPublicEndpointIsReadAtThePathStyleAddressOfTheObject() {
    try (RemoteBuckets remote =
        new RemoteBuckets(
            List.of(open("es", "https://s3.us-west-2.amazonaws.com/", "sentinel-cogs")))) {
      assertThat(remote.locate("sentinel-cogs", "sentinel-s2-l2a-cogs/21/M/XT/2024/B04.tif"))
          .hasValue(
              URI.create(
                  "https://s3.us-west-2.amazonaws.com/sentinel-cogs/sentinel-s2-l2a-cogs/21/M/XT/2024/B04.tif"));
      assertThat(remote.locate("sentinel-cogs", "a b/ä+c.tif").orElseThrow().toString())
          .endsWith("/sentinel-cogs/a%20b/%C3%A4%2Bc.tif");
      assertThat(remote.locate("lcz-inbox", "x.tif")).as("the platform's own").isEmpty();
    }
  }

  @Test
  void anEndpointWithCredentialsIsReadAtAPresignedAddress() {
    RemoteBuckets.Source archive =
        new RemoteBuckets.Source(
            "archive",
            URI.create("http://127.0.0.1:9999"),
            List.of("scenes"),
            Optional.of("AKID"),
            Optional.of("secret"),
            "eu-central-1");
    try (RemoteBuckets remote = new RemoteBuckets(List.of(archive))) {
      String url = remote.locate("scenes", "2024/B04.tif").orElseThrow().toString();
      assertThat(url)
          .startsWith("http://127.0.0.1:9999/scenes/2024/B04.tif?")
          .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
          .contains("X-Amz-Credential=AKID%2F")
          .contains("%2Feu-central-1%2Fs3%2Faws4_request")
          .contains("X-Amz-Expires=43200")
          .contains("X-Amz-Signature=");
    }
  }

  @Test
  void badSourcesAreRefusedByName() {
    assertThatThrownBy(
            () ->
                new RemoteBuckets(
                    List.of(open("a", "https://x", "b1"), open("c", "https://y", "b1"))))
        .hasMessageContaining("bucket b1 is named by S3 sources a and c");
    assertThatThrownBy(() -> open("a", "s3://x", "b1")).hasMessageContaining("must be http(s)://");
    assertThatThrownBy(() -> open("a", "https://x")).hasMessageContaining("names no buckets");
    assertThatThrownBy(
            () ->
                new RemoteBuckets.Source(
                    "half",
                    URI.create("https://x"),
                    List.of("b"),
                    Optional.of("AKID"),
                    Optional.empty(),
                    "us-east-1"))
        .hasMessageContaining("half: give both an access key and a secret key, or neither");
  }
}

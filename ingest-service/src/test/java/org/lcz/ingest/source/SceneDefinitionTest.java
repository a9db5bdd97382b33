package org.lcz.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lcz.raster.RasterException;

class SceneDefinitionTest {
  private static SceneDefinition parse(String json) {
    return SceneDefinition.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aManifestSaysWhenItsImageryWasAcquiredOrNothing() {
    SceneDefinition dated =
        parse(
            "{\"acquired\": \"2025-06-01T10:20:31Z\", \"bands\": [{\"name\": \"B2\", \"file\":"
                + " \"b2.tif\"}]}");
    assertThat(dated.acquiredAt()).contains(Instant.parse("2025-06-01T10:20:31Z"));
    assertThat(
            parse(
                    "{\"acquired\": \"2025-06-01\", \"bands\": [{\"name\": \"B2\", \"file\": \"b2.tif\"}]}")
                .acquiredAt())
        .contains(Instant.parse("2025-06-01T00:00:00Z"));
    assertThat(parse("{\"bands\": [{\"name\": \"B2\", \"file\": \"b2.tif\"}]}").acquiredAt())
        .isEmpty();
  }

  @Test
  void anAcquiredThatIsNoTimeRefusesTheManifestSayingWhatToGive() {
    assertThatThrownBy(
            () ->
                parse(
                    "{\"acquired\": \"June\", \"bands\": [{\"name\": \"B2\", \"file\":"
                        + " \"b2.tif\"}]}"))
        .isInstanceOf(RasterException.class)
        .hasMessageStartingWith("scene.json: \"acquired\" is 'June', not an acquisition time")
        .hasMessageContaining("2025-06-01");
  }
}

package org.lcz.common.raster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodingGuardTest {
  private static TiffTags tags(String compression, String predictor, int width, int tileWidth) {
    return new TiffTags(width, 100, compression, predictor, tileWidth, List.of("B2"), null);
  }

  @Test
  void whatSisReadsCorrectlyPasses() {
    for (String c : EncodingGuard.COMPRESSIONS) {
      assertThatCode(() -> EncodingGuard.check("a.tif", tags(c, "NONE", 300, 0)))
          .doesNotThrowAnyException();
    }
    // the horizontal predictor is fine with strips and with tiles no wider than the image
    assertThatCode(
            () -> EncodingGuard.check("a.tif", tags("DEFLATE", "HORIZONTAL_DIFFERENCING", 300, 0)))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> EncodingGuard.check("a.tif", tags("LZW", "HORIZONTAL_DIFFERENCING", 300, 256)))
        .doesNotThrowAnyException();
  }

  @Test
  void whatSisReadsWronglyOrNotAtAllIsRefusedWithAWayOut() {
    assertThatThrownBy(() -> EncodingGuard.check("a.tif", tags("JPEG", "NONE", 300, 0)))
        .hasMessageContaining("compression JPEG is not supported")
        .hasMessageContaining("gdal_translate -co COMPRESS=DEFLATE");
    assertThatThrownBy(() -> EncodingGuard.check("a.tif", tags("34925", "NONE", 300, 0)))
        .hasMessageContaining("LZMA");
    assertThatThrownBy(() -> EncodingGuard.check("a.tif", tags("DEFLATE", "FLOAT", 300, 0)))
        .hasMessageContaining("PREDICTOR=3");
    assertThatThrownBy(
            () ->
                EncodingGuard.check("a.tif", tags("DEFLATE", "HORIZONTAL_DIFFERENCING", 100, 256)))
        .hasMessageStartingWith("a.tif: internal tiles (256 px) wider than the image (100 px)");
  }
}

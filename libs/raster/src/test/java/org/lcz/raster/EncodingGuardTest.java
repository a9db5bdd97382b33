package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodingGuardTest {
  private static TiffTags tags(String compression, String predictor, int width, int tileWidth) {
    return new TiffTags(
        width,
        100,
        compression,
        predictor,
        tileWidth,
        16,
        16,
        false,
        List.of("B2"),
        null,
        List.of(),
        List.of());
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

  @Test
  void aBlockThatWouldDecodeToMoreThanTheLimitIsRefusedBeforeAnyPixelIsRead() {
    // a 100000 x 100000 px, 10-band uint16 image in one strip: 200 GB to decode at once
    TiffTags bomb =
        new TiffTags(
            100_000,
            100_000,
            "DEFLATE",
            "NONE",
            0,
            Integer.MAX_VALUE,
            16,
            false,
            List.of(),
            null,
            List.of(),
            List.of());
    assertThatThrownBy(() -> EncodingGuard.checkBlocks("bomb.tif", bomb, 10))
        .isInstanceOf(RasterException.class)
        .hasMessageContaining("one internal strip decodes to")
        .hasMessageContaining("TILED=YES");
    // the same image in 512 px tiles decodes 5 MB at a time
    TiffTags tiled =
        new TiffTags(
            100_000, 100_000, "DEFLATE", "NONE", 512, 512, 16, false, List.of(), null, List.of(),
            List.of());
    assertThat(tiled.decodedBlockBytes(10)).isEqualTo(512L * 512 * 10 * 2);
    assertThatCode(() -> EncodingGuard.checkBlocks("big.tif", tiled, 10))
        .doesNotThrowAnyException();
    // band interleave: a block holds one band
    TiffTags planar =
        new TiffTags(
            1000, 1000, "NONE", "NONE", 0, 1, 32, true, List.of(), null, List.of(), List.of());
    assertThat(planar.decodedBlockBytes(10)).isEqualTo(1000L * 4);
  }
}

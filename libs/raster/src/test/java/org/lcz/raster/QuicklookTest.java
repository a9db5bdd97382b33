package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

class QuicklookTest {
  private static final int W = 2050;
  private static final int H = 40;
  private static final float NODATA = -1;

  @Test
  void findsTheTrueColourBandsByName() {
    assertThat(Quicklook.trueColour(List.of("B2", "B3", "B4", "B8")).orElseThrow())
        .containsExactly(2, 1, 0);
    assertThat(Quicklook.trueColour(List.of("B08", "B04", "B03", "B02")).orElseThrow())
        .containsExactly(1, 2, 3);
    assertThat(Quicklook.trueColour(List.of("B2", "B3", "B8"))).isEmpty();
  }

  @Test
  void samplesEveryStepthPixelFromTheTilesCoresStretchedAndNodataTransparent() throws Exception {
    // bands B2, B3, B4: red rises with the column, green and blue are flat, except:
    // (300, 9) is sampled (300 and 9 are multiples of the step 3) and has a very bright blue;
    // (301, 9) is not sampled and has a very bright green; (6, 3) is nodata
    WritableRaster pixels =
        Raster.createWritableRaster(
            new java.awt.image.BandedSampleModel(DataBuffer.TYPE_FLOAT, W, H, 3), null);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        pixels.setSample(x, y, 0, 500);
        pixels.setSample(x, y, 1, 500);
        pixels.setSample(x, y, 2, x);
      }
    }
    pixels.setSample(300, 9, 0, 100_000);
    pixels.setSample(301, 9, 1, 100_000);
    for (int b = 0; b < 3; b++) {
      pixels.setSample(6, 3, b, NODATA);
    }
    RasterSource scene = inMemory(pixels);
    TileLayout layout = new TileLayout(W, H, 256, 32);
    TileCutter cutter = new TileCutter(scene, layout);
    int[] rgb = Quicklook.trueColour(List.of("B2", "B3", "B4")).orElseThrow();
    Quicklook quicklook = new Quicklook(W, H, rgb, (double) NODATA);
    for (TileLayout.Tile t : layout.tiles()) {
      quicklook.add(
          cutter.cut(t),
          t.coreX() - 32,
          t.coreY() - 32,
          t.coreX(),
          t.coreY(),
          t.coreWidth(),
          t.coreHeight());
    }

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(quicklook.png()));

    assertThat(quicklook.step()).isEqualTo(3);
    assertThat(image.getWidth()).isEqualTo(684).isEqualTo(quicklook.width());
    assertThat(image.getHeight()).isEqualTo(14).isEqualTo(quicklook.height());
    int transparent = 0;
    for (int qy = 0; qy < 14; qy++) {
      int previousRed = -1;
      for (int qx = 0; qx < 684; qx++) {
        int argb = image.getRGB(qx, qy);
        if (qx == 2 && qy == 1) {
          assertThat(argb >>> 24).as("the nodata pixel").isZero();
          transparent++;
          continue;
        }
        assertThat(argb >>> 24).isEqualTo(255);
        int red = argb >> 16 & 0xFF;
        int green = argb >> 8 & 0xFF;
        int blue = argb & 0xFF;
        assertThat(red).as("red at %d,%d", qx, qy).isGreaterThanOrEqualTo(previousRed);
        previousRed = red;
        assertThat(green).as("the unsampled bright green stays out").isEqualTo(level(500));
        assertThat(blue).isEqualTo(qx == 100 && qy == 3 ? 255 : level(500));
      }
      assertThat(previousRed).isEqualTo(255);
    }
    assertThat(transparent).isOne();
    assertThat(image.getRGB(0, 0) >> 16 & 0xFF).as("the darkest red is below the stretch").isZero();
  }

  /**
   * The level of {@code v} under the documented stretch (2nd–98th percentile of the three bands'
   * sampled values, gamma 1/1.6), from the samples the quicklook should have taken: the reds 3·qx,
   * the flat 500s and the one bright blue.
   */
  private static int level(double v) {
    float[] all = new float[28_725];
    int n = 0;
    for (int qy = 0; qy < 14; qy++) {
      for (int qx = 0; qx < 684; qx++) {
        if (qx == 2 && qy == 1) {
          continue;
        }
        all[n++] = qx == 100 && qy == 3 ? 100_000 : 500;
        all[n++] = 500;
        all[n++] = 3 * qx;
      }
    }
    java.util.Arrays.sort(all);
    double low = all[(int) Math.floor(0.02 * (n - 1))];
    double high = all[(int) Math.ceil(0.98 * (n - 1))];
    double t = Math.min(1, Math.max(0, (v - low) / (high - low)));
    return (int) Math.round(255 * Math.pow(t, 1 / 1.6));
  }

  private static RasterSource inMemory(WritableRaster pixels) {
    return new RasterSource() {
      @Override
      public String name() {
        return "in-memory";
      }

      @Override
      public int width() {
        return pixels.getWidth();
      }

      @Override
      public int height() {
        return pixels.getHeight();
      }

      @Override
      public List<String> bandNames() {
        return List.of("B2", "B3", "B4");
      }

      @Override
      public int dataType() {
        return DataBuffer.TYPE_FLOAT;
      }

      @Override
      public Optional<Double> nodata() {
        return Optional.of((double) NODATA);
      }

      @Override
      public double[] geoTransform() {
        return new double[] {0, 10, 0, 0, 0, -10};
      }

      @Override
      public CoordinateReferenceSystem crs() {
        return null;
      }

      @Override
      public Raster read(int x, int y, int w, int h) {
        return pixels.createChild(x, y, w, h, 0, 0, null);
      }
    };
  }
}

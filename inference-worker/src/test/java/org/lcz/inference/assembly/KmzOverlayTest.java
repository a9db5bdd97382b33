package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.scheme.LczCatalog;

/** The KMZ, opened by GDAL's KML drivers. */
class KmzOverlayTest {
  @TempDir Path dir;

  @Test
  void theKmzHoldsTheOverlaysAndTheLegendAndGdalPlacesItOnTheLatLonGrid() throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s1", 70, 45);
    SceneProduct.Asset kmz = new KmzOverlay().make(scene, List.of()).get(0);
    assertThat(kmz.name()).isEqualTo("kmz");
    assertThat(kmz.contentType()).isEqualTo("application/vnd.google-earth.kmz");
    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kmz.bytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName());
      }
    }
    assertThat(entries).containsExactly("doc.kml", "lczFilter.png", "lcz.png", "legend.png");
    Path file = dir.resolve(kmz.fileName());
    Files.write(file, kmz.bytes());
    LatLonMap ll = LatLonMap.of(scene, List.of(scene.filtered()));

    // GDAL's LIBKML driver reads both overlays as features placed on the lat/lon grid
    String read = Gdal.run(dir, List.of("ogrinfo", "-ro", "-al", file.toString()));
    assertThat(read)
        .contains("using driver `LIBKML' successful")
        .contains("Layer name: Local Climate Zones of scene s1")
        .contains("Feature Count: 2")
        .contains("Name (String) = LCZ (lczFilter)")
        .contains("icon (String) = lczFilter.png")
        .contains("Name (String) = LCZ (lcz, unfiltered)");
    double[] g = ll.geoTransform();
    assertThat(read)
        .contains(
            String.format(
                Locale.ROOT,
                "Extent: (%.6f, %.6f) - (%.6f, %.6f)",
                g[0],
                g[3] + ll.rows() * g[5],
                g[0] + ll.cols() * g[1],
                g[3]));

    // the overlays: one pixel per lat/lon cell in LCZ colours, transparent without a class
    BufferedImage filtered = png(kmz.bytes(), "lczFilter.png");
    assertThat(filtered.getWidth()).isEqualTo(ll.cols());
    assertThat(filtered.getHeight()).isEqualTo(ll.rows());
    int checked = 0;
    for (int y = 0; y < ll.rows(); y++) {
      for (int x = 0; x < ll.cols(); x++) {
        int v = ll.bands().get(0)[y * ll.cols() + x] & 0xFF;
        int argb = filtered.getRGB(x, y);
        if (v == 0) {
          assertThat(argb >>> 24).isZero();
        } else {
          assertThat(argb).isEqualTo(0xFF000000 | LczCatalog.standard().byValue(v).rgb());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(2000);
    assertThat(png(kmz.bytes(), "legend.png").getWidth()).isGreaterThan(200);
  }

  private static BufferedImage png(byte[] kmz, String name) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kmz))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(name)) {
          return ImageIO.read(new ByteArrayInputStream(zip.readAllBytes()));
        }
      }
    }
    throw new AssertionError("no " + name + " in the KMZ");
  }
}

package org.lcz.bench.region;

import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionMapUpdated;
import org.lcz.inference.region.FusedRegion;
import org.lcz.inference.region.MemberMap;
import org.lcz.inference.region.RegionAssembler;
import org.lcz.inference.region.RegionFusion;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.scheme.regions.RegionGrid;
import org.lcz.scheme.regions.RegionOutline;
import org.lcz.storage.ObjectRef;
import org.opengis.referencing.operation.MathTransform;

/**
 * A region of 50 km × 50 km at 100 m fused from 8 member scene-dates, timed: four scene maps of 30
 * km × 30 km (one of them in the neighbouring UTM zone) at two dates, each date with another cloud
 * block, written as the platform writes them ({@code lcz.tif}, 17-band {@code probabilities.tif});
 * then reading the members, fusing them and making every product in memory (no store). Prints the
 * times and the heap's peak (all heap pools, after a GC before the start).
 *
 * <p>{@code ./lcz region-benchmark [--runs N]}
 */
public final class RegionBenchmark {
  private static final int K = 17;

  private RegionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("lcz-region-bench");
    // the region: 50 km × 50 km around 9.5° E, 45.2° N (UTM 32N)
    MathTransform toLonLat =
        CRS.findOperation(CRS.forCode("EPSG:32632"), CommonCRS.WGS84.normalizedGeographic(), null)
            .getMathTransform();
    double x0 = 560000;
    double y1 = 5030000;
    double[][] corners = {{x0, y1 - 50000}, {x0 + 50000, y1}};
    for (double[] c : corners) {
      toLonLat.transform(c, 0, c, 0, 1);
    }
    RegionOutline outline =
        RegionOutline.bbox(corners[0][0], corners[0][1], corners[1][0], corners[1][1]);
    List<Path[]> members = new ArrayList<>();
    Random random = new Random(7);
    double[][] origins = {{x0 - 5000, y1 + 5000}, {x0 + 25000, y1 + 5000}, {x0 - 5000, y1 - 25000}};
    int n = 0;
    for (double[] o : origins) {
      for (int date = 0; date < 2; date++) {
        members.add(write(dir, n++, 32632, o[0], o[1], 300, 300, random));
      }
    }
    // the fourth scene in UTM 33N over the south-east
    double[] se = {x0 + 40000, y1 - 40000};
    MathTransform to33 =
        CRS.findOperation(CRS.forCode("EPSG:32632"), CRS.forCode("EPSG:32633"), null)
            .getMathTransform();
    to33.transform(se, 0, se, 0, 1);
    for (int date = 0; date < 2; date++) {
      members.add(
          write(
              dir,
              n++,
              32633,
              Math.floor(se[0] / 100) * 100 - 15000,
              Math.ceil(se[1] / 100) * 100 + 15000,
              300,
              300,
              random));
    }
    RegionDefined region =
        new RegionDefined(
            "bench", outline.toGeoJson(), null, null, 32632, 100, "any", Instant.now());
    RegionAssembler assembler = new RegionAssembler(null, 256, dir);
    List<RegionMapUpdated.Member> listed = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      ObjectRef ref = ObjectRef.of("lcz-maps", "scenes/m" + i + "/lcz.tif");
      listed.add(new RegionMapUpdated.Member("m" + i, "v1", null, ref, ref, ref));
    }
    System.out.printf(
        Locale.ROOT,
        "region 50 km × 50 km at 100 m (%s cells), %d members of 300 × 300 cells (2 in UTM 33N)%n",
        "500 × 500",
        members.size());
    for (int run = 1; run <= runs; run++) {
      System.gc();
      resetPeaks();
      long t0 = System.nanoTime();
      RegionGrid grid = RegionGrid.of(outline, 32632, 100);
      RegionFusion fusion = new RegionFusion(grid);
      for (int i = 0; i < members.size(); i++) {
        fusion.add(MemberMap.read("m" + i, members.get(i)[0], members.get(i)[1]));
      }
      FusedRegion fused = fusion.result();
      long t1 = System.nanoTime();
      long[] bytes = new long[1];
      assembler.render(
          region,
          1,
          listed,
          fused,
          Instant.now(),
          (where, asset) -> {
            bytes[0] += asset.bytes().length;
            return where;
          });
      long t2 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "run %d: read and fuse %.2f s, products %.2f s (%.1f MB), total %.2f s; coverage %.3f;"
              + " heap peak %.0f MB%n",
          run,
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          bytes[0] / 1e6,
          (t2 - t0) / 1e9,
          fused.coverage(),
          peakHeap() / 1e6);
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A member's lcz.tif and probabilities.tif: smooth classes, a cloud block as no data. */
  private static Path[] write(
      Path dir, int id, int epsg, double x0, double y1, int cols, int rows, Random random)
      throws Exception {
    int cells = cols * rows;
    byte[] classes = new byte[cells];
    byte[][] p = new byte[K][cells];
    int cx = random.nextInt(cols - 60);
    int cy = random.nextInt(rows - 60);
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int i = y * cols + x;
        if (x >= cx && x < cx + 50 && y >= cy && y < cy + 50) {
          for (int k = 0; k < K; k++) {
            p[k][i] = (byte) 255;
          }
          continue;
        }
        int c = ((x / 20 + y / 25) % K) + 1;
        classes[i] = (byte) c;
        p[c - 1][i] = 60;
        p[c % K][i] = 30;
        p[(c + 1) % K][i] = 10;
      }
    }
    double[] g = {x0, 100, 0, y1, 0, -100};
    GeoTiffWriter.Georeference where = new GeoTiffWriter.Georeference(g, epsg, true);
    Path lcz = dir.resolve(id + "-lcz.tif");
    Files.write(
        lcz,
        GeoTiffWriter.write(
            Raster.createRaster(
                new BandedSampleModel(DataBuffer.TYPE_BYTE, cols, rows, 1),
                new DataBufferByte(new byte[][] {classes}, cells),
                null),
            where,
            List.of("lcz"),
            0.0));
    List<String> names = new ArrayList<>();
    for (int k = 1; k <= K; k++) {
      names.add("LCZ " + k);
    }
    Path prob = dir.resolve(id + "-p.tif");
    Files.write(
        prob,
        GeoTiffWriter.write(
            Raster.createRaster(
                new BandedSampleModel(DataBuffer.TYPE_BYTE, cols, rows, K),
                new DataBufferByte(p, cells),
                null),
            where,
            names,
            255.0));
    return new Path[] {lcz, prob};
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}

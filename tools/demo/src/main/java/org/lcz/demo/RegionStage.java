package org.lcz.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.Topics;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.GridMapping;
import org.lcz.raster.ReprojectedScene;
import org.lcz.raster.Resampling;
import org.lcz.raster.SceneRaster;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;
import org.lcz.synth.WorldFiles;
import org.opengis.referencing.operation.MathTransform;

/**
 * The demo's region stage ({@code ./lcz demo --region}): the world cut into four overlapping scenes
 * — three on its own UTM 32N grid, the fourth the whole world reprojected into UTM 33N — each
 * dropped at two dates with a different cloud (nodata) block, and a region defined over the world
 * (inset by {@value #INSET_M} m, where the reprojected scene has data all round). The region's map
 * is checked against what the masks say on their own: every cell of the outline observed, {@code
 * observations} equal to the count of drops that see the cell (cells within reach of a rotated
 * cloud edge of the reprojected scene, where a patch decides, are counted apart), the fused map's
 * OA against the truth at least the best single drop's over that drop's cells; then a fifth scene
 * makes exactly one more version, timed.
 */
final class RegionStage {
  static final int INSET_M = 600;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(500);

  /** One dropped scene: a window of the world (world pixels) or the reprojected world. */
  record Drop(
      String name, int x0, int y0, int x1, int y1, int[] cloud, String acquired, boolean utm33) {}

  /**
   * What the stage found.
   *
   * @param expectedMismatches cells whose observations differ from the masks' count (must be 0)
   * @param undecided cells left out of that comparison (near a rotated cloud edge)
   */
  record Result(
      String region,
      RegionMapUpdated full,
      RegionMapUpdated fifth,
      long outlineCells,
      long observedCells,
      long compared,
      long expectedMismatches,
      long undecided,
      double fusedOa,
      double bestSingleOa,
      String bestSingle,
      Duration fifthAfterMap) {}

  private final DemoContext ctx;

  /** What the stage needs of the running demo. */
  record DemoContext(
      String bootstrap,
      ObjectStore store,
      int httpPort,
      String apiKey,
      Path scene,
      Path truth,
      Path dir,
      Progress progress,
      Duration timeout) {}

  RegionStage(DemoContext ctx) {
    this.ctx = ctx;
  }

  Result run() throws Exception {
    Files.createDirectories(ctx.dir());
    String region = "demo-world";
    int size;
    try (SceneRaster world = SceneRaster.open(ctx.scene())) {
      size = world.width();
    }
    int a = snap(size * 0.6);
    int b = snap(size * 0.4);
    int c = snap(size * 0.2);
    // clouds: blocks of whole 100 m cells, ≥ 300 m inside their scene
    List<Drop> drops =
        List.of(
            new Drop("nw-1", 0, 0, a, a, box(c, c, c + 30, c + 20), "2025-06-01", false),
            new Drop("nw-2", 0, 0, a, a, box(b - 10, b - 20, b + 20, b), "2025-07-01", false),
            new Drop("ne-1", b, 0, size, a, box(b + 40, 40, b + 80, 80), "2025-06-01", false),
            new Drop(
                "ne-2",
                b,
                0,
                size,
                a,
                box(size - 100, b - 60, size - 40, b - 30),
                "2025-07-01",
                false),
            new Drop("sw-1", 0, b, a, size, box(40, b + 50, 90, b + 90), "2025-06-06", false),
            new Drop(
                "sw-2",
                0,
                b,
                a,
                size,
                box(a - 90, size - 100, a - 40, size - 50),
                "2025-07-06",
                false),
            new Drop("all33-1", 0, 0, size, size, box(a, a, a + 60, a + 40), "2025-06-11", true),
            new Drop(
                "all33-2",
                0,
                0,
                size,
                size,
                box(c + 30, a + 10, c + 80, a + 50),
                "2025-07-11",
                true));
    Drop fifth =
        new Drop("centre-3", c, c, size - c, size - c, box(0, 0, 0, 0), "2025-08-01", false);

    ctx.progress()
        .stage("region", "a region over the world, from 8 drops of 4 scenes (one in UTM 33N)");
    define(region);
    try (EventFeed feed =
        EventFeed.open(
            ctx.bootstrap(),
            List.of(Topics.SCENES, Topics.MAPS, Topics.REGION_MAPS),
            Duration.ofSeconds(30))) {
      Map<String, SceneMapCompleted> maps = new HashMap<>();
      for (Drop d : drops) {
        drop(d);
      }
      RegionMapUpdated full = await(feed, region, drops, maps);
      ctx.progress()
          .detail(
              "version %d: %d members, coverage %.3f",
              full.version(), full.members().size(), full.coverage());

      Checked checked = check(full, drops, maps);
      // the fifth scene: exactly one more version
      drop(fifth);
      List<Drop> all = new ArrayList<>(drops);
      all.add(fifth);
      RegionMapUpdated after = await(feed, region, all, maps);
      SceneMapCompleted fifthMap = maps.get(fifth.name());
      Duration latency = Duration.between(fifthMap.completedAt(), after.updatedAt());
      ctx.progress()
          .done(
              "coverage %.3f, observations as the masks say in %d cells (%d near rotated cloud edges"
                  + " left out), fused OA %.3f ≥ best single %.3f (%s); the fifth scene made version %d"
                  + " %.1f s after its map",
              full.coverage(),
              checked.compared,
              checked.undecided,
              checked.fusedOa,
              checked.bestOa,
              checked.best,
              after.version(),
              latency.toMillis() / 1000.0);
      return new Result(
          region,
          full,
          after,
          full.outlineCells(),
          full.observedCells(),
          checked.compared,
          checked.mismatches,
          checked.undecided,
          checked.fusedOa,
          checked.bestOa,
          checked.best,
          latency);
    }
  }

  private static int snap(double px) {
    return (int) Math.round(px / 10) * 10;
  }

  private static int[] box(int x0, int y0, int x1, int y1) {
    return new int[] {x0, y0, x1, y1};
  }

  private static boolean inside(int[] box, double x, double y) {
    return x >= box[0] && x < box[2] && y >= box[1] && y < box[3];
  }

  // ---- the region and the drops

  private void define(String region) throws Exception {
    HttpResponse<String> r = define(ctx.httpPort(), ctx.apiKey(), definition(region, ctx.scene()));
    if (r.statusCode() != 201) {
      throw new StageFailedException(
          "region", "POST /regions answered " + r.statusCode() + ": " + r.body());
    }
    ctx.progress().detail("POST /regions %s: 201", region);
  }

  /**
   * The definition of a region over the world's scene, {@link #INSET_M} inside its edges, of the
   * scenes acquired in 2025 (scenes of unknown acquisition, as the demo's own, are no members), any
   * model's maps, on the world's grid.
   */
  static ObjectNode definition(String region, Path scene) throws Exception {
    double[] g = WorldFiles.sceneGeoTransform();
    int size;
    try (SceneRaster world = SceneRaster.open(scene)) {
      size = world.width();
    }
    MathTransform toLonLat =
        CRS.findOperation(
                CRS.forCode("EPSG:" + WorldFiles.EPSG),
                CommonCRS.WGS84.normalizedGeographic(),
                null)
            .getMathTransform();
    double x0 = g[0] + INSET_M;
    double x1 = g[0] + size * g[1] - INSET_M;
    double y1 = g[3] - INSET_M;
    double y0 = g[3] + size * g[5] + INSET_M;
    ObjectNode outline = JSON.createObjectNode().put("type", "Polygon");
    ArrayNode ring = outline.putArray("coordinates").addArray();
    double[][] corners = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    for (double[] p : corners) {
      double[] ll = p.clone();
      toLonLat.transform(ll, 0, ll, 0, 1);
      ring.addArray().add(ll[0]).add(ll[1]);
    }
    ObjectNode body =
        JSON.createObjectNode()
            .put("name", region)
            .put("models", "any")
            .put("crs", "EPSG:" + WorldFiles.EPSG)
            .put("from", "2025-01-01")
            .put("to", "2025-12-31");
    body.set("outline", outline);
    return body;
  }

  /** {@code POST /regions} with {@code body}; the answer. */
  static HttpResponse<String> define(int httpPort, String apiKey, ObjectNode body)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/regions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Writes drop {@code d} (its cloud as nodata 0 in every band) and puts it into the inbox. */
  private void drop(Drop d) throws Exception {
    Path file = ctx.dir().resolve("region-" + d.name() + ".tif");
    try (SceneRaster world = SceneRaster.open(ctx.scene())) {
      Raster window = world.read(d.x0(), d.y0(), d.x1() - d.x0(), d.y1() - d.y0());
      WritableRaster px = window.createCompatibleWritableRaster();
      px.setRect(window);
      int[] zero = new int[px.getNumBands()];
      for (int y = 0; y < px.getHeight(); y++) {
        for (int x = 0; x < px.getWidth(); x++) {
          if (inside(d.cloud(), d.x0() + x, d.y0() + y)) {
            px.setPixel(x, y, zero);
          }
        }
      }
      double[] g = WorldFiles.sceneGeoTransform();
      double[] at = {g[0] + d.x0() * g[1], g[1], 0, g[3] + d.y0() * g[5], 0, g[5]};
      byte[] tiff =
          GeoTiffWriter.write(
              px,
              new GeoTiffWriter.Georeference(at, WorldFiles.EPSG, true),
              world.bandNames(),
              0.0);
      Files.write(file, tiff);
      if (d.utm33()) {
        Path masked = ctx.dir().resolve("region-" + d.name() + "-32632.tif");
        Files.move(file, masked, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (SceneRaster source = SceneRaster.open(masked)) {
          List<Resampling> bilinear =
              source.bandNames().stream().map(n -> Resampling.BILINEAR).toList();
          ReprojectedScene r =
              ReprojectedScene.onto(source, CRS.forCode("EPSG:32633"), 10, bilinear);
          Raster all = r.read(0, 0, r.width(), r.height());
          Files.write(
              file,
              GeoTiffWriter.write(
                  all,
                  new GeoTiffWriter.Georeference(r.geoTransform(), 32633, true),
                  source.bandNames(),
                  0.0));
        }
      }
    }
    ctx.store()
        .put(
            Buckets.INBOX,
            "region-" + d.name() + ".tif",
            file,
            "image/tiff",
            Map.of("acquired", d.acquired()));
    ctx.progress()
        .detail("dropped %s (acquired %s%s)", d.name(), d.acquired(), d.utm33() ? ", UTM 33N" : "");
  }

  /**
   * Follows the drops to their maps and the region to the first version whose members are every
   * drop's map (records of the three topics come in no set order: a map may be read before its
   * scene's SceneReceived).
   */
  private RegionMapUpdated await(
      EventFeed feed, String region, List<Drop> drops, Map<String, SceneMapCompleted> maps) {
    Map<String, String> dropOf = new HashMap<>(); // scene id -> drop name
    Map<String, SceneMapCompleted> byScene = new HashMap<>();
    List<RegionMapUpdated> versions = new ArrayList<>();
    Instant deadline = Instant.now().plus(ctx.timeout());
    while (Instant.now().isBefore(deadline)) {
      for (EventFeed.Received r : feed.poll(POLL)) {
        LczEvent e = r.event().orElse(null);
        if (e instanceof SceneReceived s && s.source().key().startsWith("region-")) {
          dropOf.put(s.sceneId(), s.source().key().substring(7, s.source().key().length() - 4));
        } else if (e instanceof SceneRejected s && s.source().key().startsWith("region-")) {
          throw new StageFailedException(
              "region", s.source().key() + " was rejected: " + s.reason());
        } else if (e instanceof SceneMapCompleted m) {
          byScene.put(m.sceneId(), m);
        } else if (e instanceof RegionMapUpdated u && u.region().equals(region)) {
          versions.add(u);
          ctx.progress()
              .detail(
                  "RegionMapUpdated %s v%d: %d members",
                  u.region(), u.version(), u.members().size());
        }
      }
      dropOf.forEach(
          (id, name) -> {
            if (byScene.containsKey(id) && !maps.containsKey(name)) {
              maps.put(name, byScene.get(id));
              ctx.progress().detail("SceneMapCompleted %s (%s)", name, id);
            }
          });
      if (drops.stream().allMatch(d -> maps.containsKey(d.name()))) {
        Set<String> wanted = new HashSet<>();
        drops.forEach(d -> wanted.add(maps.get(d.name()).sceneId()));
        for (RegionMapUpdated u : versions) {
          Set<String> members = new HashSet<>();
          u.members().forEach(m -> members.add(m.sceneId()));
          if (members.equals(wanted)) {
            return u;
          }
        }
      }
    }
    throw new StageFailedException(
        "region", "no region version of all " + drops.size() + " drops within " + ctx.timeout());
  }

  // ---- the checks

  private record Checked(
      long compared, long mismatches, long undecided, double fusedOa, double bestOa, String best) {}

  private Checked check(
      RegionMapUpdated full, List<Drop> drops, Map<String, SceneMapCompleted> maps)
      throws Exception {
    Path fused =
        ctx.store()
            .download(
                full.products().get("map"),
                ctx.dir().resolve("region-v" + full.version() + ".tif"));
    try (SceneRaster map = SceneRaster.open(fused);
        SceneRaster truth = SceneRaster.open(ctx.truth())) {
      int cols = map.width();
      int rows = map.height();
      double[] mg = map.geoTransform();
      double[] wg = WorldFiles.sceneGeoTransform();
      Raster m = map.read(0, 0, cols, rows);
      Raster t = truth.read(0, 0, truth.width(), truth.height());
      // the region's cells are the world's 100 m cells, offset by whole cells
      int ox = (int) Math.round((mg[0] - wg[0]) / 100);
      int oy = (int) Math.round((wg[3] - mg[3]) / 100);
      long compared = 0;
      long mismatches = 0;
      long undecided = 0;
      long outline = 0;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int obs = m.getSample(c, r, 3);
          int lcz = m.getSample(c, r, 0);
          double px = (ox + c) * 10 + 5; // the cell centre in world pixels
          double py = (oy + r) * 10 + 5;
          if (!insideOutline(px, py, truth.width() * 10)) {
            continue;
          }
          outline++;
          if (obs > 0 && lcz == 0) {
            throw new StageFailedException(
                "region", "cell (" + c + ", " + r + ") observed but not classified");
          }
          int expected = 0;
          boolean decided = true;
          for (Drop d : drops) {
            if (!d.utm33()) {
              if (inside(new int[] {d.x0(), d.y0(), d.x1(), d.y1()}, px, py)
                  && !inside(d.cloud(), px, py)) {
                expected++;
              }
            } else {
              int[] k = d.cloud();
              double clearBy =
                  25; // px: beyond the reach of the 4 neighbours (141 m) and a pixel of resampling
              boolean clear =
                  px + clearBy <= k[0]
                      || px - clearBy >= k[2]
                      || py + clearBy <= k[1]
                      || py - clearBy >= k[3];
              boolean cloudy =
                  px - 20 >= k[0] && px + 20 <= k[2] && py - 20 >= k[1] && py + 20 <= k[3];
              if (clear) {
                expected++;
              } else if (!cloudy) {
                decided = false;
              }
            }
          }
          if (!decided) {
            undecided++;
            continue;
          }
          compared++;
          if (obs != expected) {
            mismatches++;
            if (mismatches <= 5) {
              ctx.progress()
                  .detail("cell (%d, %d): %d observations, the masks say %d", c, r, obs, expected);
            }
          }
        }
      }
      if (mismatches > 0) {
        throw new StageFailedException(
            "region", mismatches + " cells' observations differ from the masks' count");
      }
      if (full.observedCells() != full.outlineCells()) {
        throw new StageFailedException(
            "region",
            (full.outlineCells() - full.observedCells()) + " cells of the outline unobserved");
      }
      // OA: the fused map against each drop's own map, over that drop's cells
      double bestOa = -1;
      double fusedOnBest = -1;
      String best = null;
      GridMapping.Grid regionGrid = new GridMapping.Grid(cols, rows, mg, map.crs());
      for (Drop d : drops) {
        SceneMapCompleted sm = maps.get(d.name());
        Path own = ctx.store().download(sm.map(), ctx.dir().resolve("map-" + d.name() + ".tif"));
        byte[] onRegion;
        try (SceneRaster o = SceneRaster.open(own)) {
          Raster or = o.read(0, 0, o.width(), o.height());
          byte[] classes = new byte[o.width() * o.height()];
          for (int i = 0; i < classes.length; i++) {
            classes[i] = (byte) or.getSample(i % o.width(), i / o.width(), 0);
          }
          onRegion =
              GridMapping.between(
                      regionGrid,
                      new GridMapping.Grid(o.width(), o.height(), o.geoTransform(), o.crs()))
                  .nearest(classes, (byte) 0);
        }
        long n = 0;
        long ownRight = 0;
        long fusedRight = 0;
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            int own0 = onRegion[r * cols + c];
            int lcz = m.getSample(c, r, 0);
            int tx = ox + c;
            int ty = oy + r;
            if (own0 == 0
                || lcz == 0
                || tx < 0
                || ty < 0
                || tx >= t.getWidth()
                || ty >= t.getHeight()) {
              continue;
            }
            int truthClass = t.getSample(tx, ty, 0);
            if (truthClass == 0) {
              continue;
            }
            n++;
            ownRight += own0 == truthClass ? 1 : 0;
            fusedRight += lcz == truthClass ? 1 : 0;
          }
        }
        double ownOa = n == 0 ? 0 : (double) ownRight / n;
        double fusedOa = n == 0 ? 0 : (double) fusedRight / n;
        ctx.progress()
            .detail(
                "%s: OA %.3f over its %d cells; the fused map %.3f there",
                d.name(), ownOa, n, fusedOa);
        if (ownOa > bestOa) {
          bestOa = ownOa;
          fusedOnBest = fusedOa;
          best = d.name();
        }
      }
      if (fusedOnBest < bestOa) {
        throw new StageFailedException(
            "region",
            String.format(
                Locale.ROOT,
                "the fused map's OA %.3f is below the best single drop's %.3f (%s) over its cells",
                fusedOnBest,
                bestOa,
                best));
      }
      return new Checked(compared, mismatches, undecided, fusedOnBest, bestOa, best);
    }
  }

  /**
   * Whether the world pixel (px, py) lies in the outline: the world inset by {@value #INSET_M} m.
   */
  private static boolean insideOutline(double px, double py, int sizePx10) {
    double size = sizePx10 / 10.0 * 10; // world pixels
    double inset = INSET_M / 10.0;
    return px >= inset && py >= inset && px < size - inset && py < size - inset;
  }
}

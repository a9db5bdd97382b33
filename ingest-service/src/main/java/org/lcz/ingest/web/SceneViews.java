package org.lcz.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcz.events.SceneMapCompleted;
import org.lcz.ingest.inbox.SceneStatus;
import org.lcz.ingest.status.SceneReport;
import org.lcz.ingest.tiling.SceneTiles;
import org.lcz.raster.SceneManifest;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * Builds a scene's {@link SceneView} from what the platform stored: the tile manifest (CRS, extent,
 * masked share), the quicklook, and once mapped the map's {@code web-layers.json} and {@code
 * areas.json}. Finds the files a view links to ({@link #file}).
 */
public final class SceneViews {
  /** The quicklook's file name in a scene's URLs. */
  public static final String QUICKLOOK = "quicklook.png";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a tiled scene lies, read once from its manifest (a large scene's manifest is ~1 MB). */
  private record Placement(int epsg, double[] extent, Double maskedShare, boolean quicklook) {}

  /** The most placements kept. */
  private static final int CACHED = 256;

  private final ObjectStore store;
  private final Map<String, Placement> placements =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Placement> eldest) {
              return size() > CACHED;
            }
          });

  public SceneViews(ObjectStore store) {
    this.store = store;
  }

  /** The scene's placement: cached by the status's time (a re-tiled scene has a new one). */
  private Placement placement(SceneStatus status) {
    String cacheKey = status.sceneId() + "@" + status.manifest() + "@" + status.at();
    Placement known = placements.get(cacheKey);
    if (known != null) {
      return known;
    }
    if (!store.exists(Buckets.TILES, status.manifest())) {
      return null;
    }
    SceneManifest m =
        SceneManifest.read(store.read(ObjectRef.of(Buckets.TILES, status.manifest())));
    Placement p =
        new Placement(
            m.epsg(),
            extent(m.geoTransform(), m.width(), m.height()),
            m.maskedShare(),
            store.exists(Buckets.TILES, SceneTiles.quicklookKey(status.sceneId())));
    placements.put(cacheKey, p);
    return p;
  }

  /** The view of a scene with {@code status}, {@code report} and, if mapped, {@code map}. */
  public SceneView of(SceneStatus status, SceneReport report, SceneMapCompleted map) {
    String id = status.sceneId();
    Integer epsg = null;
    double[] extent = null;
    Double masked = null;
    String quicklook = null;
    Placement placed =
        SceneStatus.TILED.equals(status.state()) && status.manifest() != null
            ? placement(status)
            : null;
    if (placed != null) {
      epsg = placed.epsg();
      extent = placed.extent().clone();
      masked = placed.maskedShare();
      quicklook = placed.quicklook() ? url(id, QUICKLOOK) : null;
    }
    List<SceneView.Layer> layers = new ArrayList<>();
    List<SceneView.LegendEntry> legend = new ArrayList<>();
    List<SceneView.Product> products = new ArrayList<>();
    Double unclassified = null;
    if (map != null) {
      for (Map.Entry<String, ObjectRef> p : map.products().entrySet()) {
        String file = p.getValue().fileName();
        products.add(new SceneView.Product(p.getKey(), file, url(id, file), p.getValue().uri()));
      }
      ObjectRef web = map.products().get("web-layers");
      if (web != null) {
        JsonNode w = read(web);
        double[] mapExtent = doubles(w.path("extent"));
        for (JsonNode l : w.path("layers")) {
          layers.add(
              new SceneView.Layer(
                  l.path("name").asText(),
                  l.path("title").asText(),
                  url(id, l.path("file").asText()),
                  mapExtent));
        }
      }
      ObjectRef areas = map.products().get("areas");
      if (areas != null) {
        JsonNode a = read(areas);
        long cells = a.path("cells").asLong();
        unclassified = cells == 0 ? null : a.path("cellsWithoutClass").asDouble() / cells;
        LczCatalog catalog = LczCatalog.standard();
        for (JsonNode k : a.path("classes")) {
          long raw = k.at("/lcz/cells").asLong();
          long filtered = k.at("/lczFilter/cells").asLong();
          if (raw == 0 && filtered == 0) {
            continue;
          }
          LczClass c = catalog.byValue(k.path("value").asInt());
          legend.add(
              new SceneView.LegendEntry(
                  c.value(),
                  c.code(),
                  c.name(),
                  c.hex(),
                  k.at("/lcz/share").asDouble(),
                  k.at("/lczFilter/share").asDouble(),
                  k.at("/lcz/km2").asDouble()));
        }
      }
    }
    return new SceneView(
        id, epsg, extent, quicklook, layers, legend, masked, unclassified, products, report);
  }

  /**
   * Where the file a view of scene {@code sceneId} links to is stored: the quicklook, or a product
   * of its map by file name.
   */
  public Optional<ObjectRef> file(String sceneId, String fileName, SceneMapCompleted map) {
    if (QUICKLOOK.equals(fileName)) {
      return store.exists(Buckets.TILES, SceneTiles.quicklookKey(sceneId))
          ? Optional.of(ObjectRef.of(Buckets.TILES, SceneTiles.quicklookKey(sceneId)))
          : Optional.empty();
    }
    if (map == null) {
      return Optional.empty();
    }
    return map.products().values().stream().filter(r -> r.fileName().equals(fileName)).findFirst();
  }

  static String url(String sceneId, String file) {
    return "/scenes/" + sceneId + "/files/" + file;
  }

  static double[] extent(double[] g, int width, int height) {
    double x0 = g[0];
    double y0 = g[3];
    double x1 = x0 + width * g[1];
    double y1 = y0 + height * g[5];
    return new double[] {Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)};
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private JsonNode read(ObjectRef ref) {
    try {
      return JSON.readTree(store.read(ref));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ref.uri() + ": " + e.getMessage(), e);
    }
  }
}

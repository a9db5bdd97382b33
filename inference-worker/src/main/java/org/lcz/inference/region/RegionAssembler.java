package org.lcz.inference.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionMapUpdated;
import org.lcz.inference.assembly.AreaStatistics;
import org.lcz.inference.assembly.AssembledScene;
import org.lcz.inference.assembly.KmzOverlay;
import org.lcz.inference.assembly.LatLonCopy;
import org.lcz.inference.assembly.LczMapCog;
import org.lcz.inference.assembly.Preview;
import org.lcz.inference.assembly.ProbabilityCog;
import org.lcz.inference.assembly.SceneMap;
import org.lcz.inference.assembly.SceneProduct;
import org.lcz.inference.assembly.WebLayers;
import org.lcz.inference.map.Overviews;
import org.lcz.raster.Georeferencing;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.SceneRaster;
import org.lcz.scheme.LczFilter;
import org.lcz.scheme.regions.RegionGrid;
import org.lcz.scheme.regions.RegionOutline;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.WorkFolders;

/**
 * Makes one version of a region's map: lays its grid on the lattice of cells most of its members
 * share ({@link #lattice}), fuses their probabilities ({@link RegionFusion}), filters the fused
 * classes (the Generator's filter), stores the products under {@code regions/{name}/v{n}/} — the
 * LCZ map COG with {@code observations} and {@code agreement} after the Generator's three bands,
 * the class probabilities, the lat/lon copy, the KMZ, the area statistics, the preview and the STAC
 * Item, through the scene maps' own product classes — then the region's STAC Collection naming it,
 * and returns the RegionMapUpdated that announces it. Making a version again from the same members
 * writes the same objects.
 */
public final class RegionAssembler {
  private final ObjectStore store;
  private final int blockSize;
  private final Path workDir;

  public RegionAssembler(ObjectStore store, int blockSize, Path workDir) {
    this.store = store;
    this.blockSize = blockSize;
    this.workDir = workDir;
  }

  /**
   * Makes version {@code version} of {@code region} from {@code members}.
   *
   * @throws org.lcz.storage.ObjectStoreException when a member's map cannot be read
   */
  public RegionMapUpdated assemble(
      RegionDefined region, int version, List<RegionMapUpdated.Member> members, Instant now) {
    Path dir = workFolder();
    FusedRegion fused;
    RegionGrid grid;
    try {
      Map<RegionMapUpdated.Member, Path[]> files = download(members, dir);
      double[] lattice = lattice(region, files.values());
      grid =
          RegionGrid.of(
              RegionOutline.parse(region.outline()),
              region.epsg(),
              region.cellSize(),
              lattice[0],
              lattice[1]);
      RegionFusion fusion = new RegionFusion(grid);
      for (var e : files.entrySet()) {
        fusion.add(MemberMap.read(e.getKey().sceneId(), e.getValue()[0], e.getValue()[1]));
      }
      fused = fusion.result();
    } finally {
      WorkFolders.delete(dir);
    }
    Map<String, ObjectRef> refs =
        render(
            region,
            version,
            members,
            fused,
            now,
            (where, asset) ->
                store.put(where.bucket(), where.key(), asset.bytes(), asset.contentType()));
    ObjectRef collection = RegionKeys.collection(region.name());
    refs.put(
        "collection",
        store.put(
            collection.bucket(),
            collection.key(),
            RegionCollection.json(region, version),
            "application/json"));
    return new RegionMapUpdated(
        region.name(),
        version,
        members,
        refs,
        fused.coverage(),
        fused.observedCells(),
        fused.outlineCells(),
        now);
  }

  /**
   * Makes the products of a fused version and hands each file to {@code sink} (which stores it and
   * returns where), in order: the STAC Item last, listing the others. Returns them by asset name.
   */
  public Map<String, ObjectRef> render(
      RegionDefined region,
      int version,
      List<RegionMapUpdated.Member> members,
      FusedRegion fused,
      Instant now,
      BiFunction<ObjectRef, SceneProduct.Asset, ObjectRef> sink) {
    RegionGrid grid = fused.grid();
    String name = region.name();
    byte[] filtered =
        LczFilter.demuzere()
            .filter(fused.classes(), grid.cols(), grid.rows(), grid.cellSize(), grid.cellSize());
    TreeSet<String> models = new TreeSet<>();
    members.forEach(m -> models.add(m.modelVersion()));
    SceneMap map =
        SceneMap.of(
            grid.cols(),
            grid.rows(),
            fused.classes(),
            fused.confidence(),
            fused.probabilities(),
            models);
    AssembledScene scene =
        new AssembledScene(
            RegionStacItem.id(name, version),
            manifest(name, version, grid),
            map,
            filtered,
            grid.geoTransform(),
            grid.cellSize(),
            String.join(",", models),
            now,
            "region " + name + ", version " + version,
            List.of(
                new AssembledScene.Layer(
                    "observations",
                    "how many member scene maps observed the cell (0: none)",
                    "count",
                    fused.observations(),
                    Overviews.Kind.PERCENT),
                new AssembledScene.Layer(
                    "agreement",
                    "share of the observing members whose own class is the fused class",
                    "percent",
                    fused.agreement(),
                    Overviews.Kind.PERCENT)),
            null);
    List<SceneProduct> products =
        List.of(
            new LczMapCog(blockSize),
            new ProbabilityCog(blockSize),
            new LatLonCopy(blockSize),
            new KmzOverlay(),
            new AreaStatistics(),
            new Preview(),
            new WebLayers(),
            new RegionStacItem(region, version, members, fused));
    List<SceneProduct.Stored> stored = new ArrayList<>();
    Map<String, ObjectRef> refs = new LinkedHashMap<>();
    for (SceneProduct product : products) {
      for (SceneProduct.Asset asset : product.make(scene, List.copyOf(stored))) {
        ObjectRef ref = sink.apply(RegionKeys.product(name, version, asset.fileName()), asset);
        refs.put(asset.name(), ref);
        stored.add(new SceneProduct.Stored(asset, ref));
      }
    }
    return refs;
  }

  private Path workFolder() {
    try {
      Path dir = Files.createDirectories(workDir).resolve("fuse-" + System.nanoTime());
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("work folder " + workDir, e);
    }
  }

  /** Every member's map and probabilities, downloaded (their SHA-256 checked). */
  private Map<RegionMapUpdated.Member, Path[]> download(
      List<RegionMapUpdated.Member> members, Path dir) {
    Map<RegionMapUpdated.Member, Path[]> files = new LinkedHashMap<>();
    int n = 0;
    for (RegionMapUpdated.Member m : members) {
      Path map = store.download(m.map(), dir.resolve(n + "-lcz.tif"));
      Path p = store.download(m.probabilities(), dir.resolve(n + "-p.tif"));
      files.put(m, new Path[] {map, p});
      n++;
    }
    return files;
  }

  /**
   * The lattice the region's cells are put on: the one most members in the region's CRS and cell
   * size are on (the first such member's on a tie), so that they are fused cell for cell; (0, 0)
   * when none is.
   */
  static double[] lattice(RegionDefined region, Collection<Path[]> members) {
    Map<List<Double>, Integer> count = new LinkedHashMap<>();
    for (Path[] files : members) {
      try (SceneRaster map = SceneRaster.open(files[0])) {
        double[] g = map.geoTransform();
        boolean sameCell =
            Math.abs(g[1] - region.cellSize()) < 1e-6 && Math.abs(-g[5] - region.cellSize()) < 1e-6;
        if (sameCell && Georeferencing.of(map).epsg() == region.epsg()) {
          double[] l = RegionGrid.lattice(g, region.cellSize());
          count.merge(List.of(l[0], l[1]), 1, Integer::sum);
        }
      } catch (RuntimeException e) {
        // not in the region's CRS as an EPSG code: it does not decide the lattice
      }
    }
    return count.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> new double[] {e.getKey().get(0), e.getKey().get(1)})
        .orElse(new double[] {0, 0});
  }

  /** The region's grid described as the products expect a scene's to be. */
  private static SceneManifest manifest(String name, int version, RegionGrid grid) {
    return new SceneManifest(
        RegionStacItem.id(name, version),
        grid.cols(),
        grid.rows(),
        Georeferencing.wkt(grid.crs()),
        grid.epsg(),
        grid.geoTransform(),
        grid.cellSize(),
        List.of(),
        "Byte",
        null,
        null,
        0,
        0,
        List.of(),
        null,
        null);
  }
}

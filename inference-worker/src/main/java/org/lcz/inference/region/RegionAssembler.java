package org.lcz.inference.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import org.lcz.inference.map.Overviews;
import org.lcz.raster.Georeferencing;
import org.lcz.raster.SceneManifest;
import org.lcz.scheme.LczFilter;
import org.lcz.scheme.regions.RegionGrid;
import org.lcz.scheme.regions.RegionOutline;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.WorkFolders;

/**
 * Makes one version of a region's map: fuses its members' probabilities ({@link RegionFusion}),
 * filters the fused classes (the Generator's filter), stores the products under {@code
 * regions/{name}/v{n}/} — the LCZ map COG with {@code observations} and {@code agreement} after the
 * Generator's three bands, the class probabilities, the lat/lon copy, the KMZ, the area statistics,
 * the preview and the STAC Item, through the scene maps' own product classes — then the region's
 * STAC Collection naming it, and returns the RegionMapUpdated that announces it. Making a version
 * again from the same members writes the same objects.
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
    RegionGrid grid =
        RegionGrid.of(RegionOutline.parse(region.outline()), region.epsg(), region.cellSize());
    FusedRegion fused = fuse(grid, members);
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
                    Overviews.Kind.PERCENT)));
    List<SceneProduct> products =
        List.of(
            new LczMapCog(blockSize),
            new ProbabilityCog(blockSize),
            new LatLonCopy(blockSize),
            new KmzOverlay(),
            new AreaStatistics(),
            new Preview(),
            new RegionStacItem(region, version, members, fused));
    List<SceneProduct.Stored> stored = new ArrayList<>();
    Map<String, ObjectRef> refs = new LinkedHashMap<>();
    for (SceneProduct product : products) {
      for (SceneProduct.Asset asset : product.make(scene, List.copyOf(stored))) {
        ObjectRef where = RegionKeys.product(name, version, asset.fileName());
        ObjectRef ref = store.put(where.bucket(), where.key(), asset.bytes(), asset.contentType());
        refs.put(asset.name(), ref);
        stored.add(new SceneProduct.Stored(asset, ref));
      }
    }
    ObjectRef collection = RegionKeys.collection(name);
    refs.put(
        "collection",
        store.put(
            collection.bucket(),
            collection.key(),
            RegionCollection.json(region, version),
            "application/json"));
    return new RegionMapUpdated(
        name,
        version,
        members,
        refs,
        fused.coverage(),
        fused.observedCells(),
        fused.outlineCells(),
        now);
  }

  /** The members fused on {@code grid}, each read from the store (its SHA-256 checked). */
  FusedRegion fuse(RegionGrid grid, List<RegionMapUpdated.Member> members) {
    RegionFusion fusion = new RegionFusion(grid);
    Path dir;
    try {
      dir = Files.createDirectories(workDir).resolve("fuse-" + System.nanoTime());
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("work folder " + workDir, e);
    }
    try {
      for (RegionMapUpdated.Member m : members) {
        Path map = store.download(m.map(), dir.resolve(m.sceneId() + "-lcz.tif"));
        Path p = store.download(m.probabilities(), dir.resolve(m.sceneId() + "-p.tif"));
        fusion.add(MemberMap.read(m.sceneId(), map, p));
        try {
          Files.deleteIfExists(map);
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // removed with the folder
        }
      }
    } finally {
      WorkFolders.delete(dir);
    }
    return fusion.result();
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

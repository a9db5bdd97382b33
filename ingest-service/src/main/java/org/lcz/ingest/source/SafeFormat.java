package org.lcz.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.sis.referencing.CRS;
import org.lcz.contract.RadiometryCheck;
import org.lcz.raster.RasterException;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * An ESA Sentinel-2 L2A SAFE product: a {@code .zip} in the inbox, or a {@code .SAFE} folder (its
 * {@code MTD_MSIL2A.xml} names the scene; the band files are read from the folder). The band files
 * ({@code GRANULE/*}{@code /IMG_DATA/R10m|R20m/*.jp2}) are decoded with JJ2000 ({@link Jp2Band}),
 * placed by the granule's {@code MTD_TL.xml}, stacked and masked like a STAC Item's ({@link
 * ProductBands}); the radiometry is what {@code MTD_MSIL2A.xml} declares ({@link SafeProduct}),
 * held against the values by the tiler.
 */
public final class SafeFormat implements SceneFormat {
  static final String METADATA = "MTD_MSIL2A.xml";

  private final List<String> bands;

  public SafeFormat(List<String> bands) {
    this.bands = List.copyOf(bands);
  }

  @Override
  public String name() {
    return "SAFE product (*.zip, *.SAFE/" + METADATA + ")";
  }

  @Override
  public boolean claims(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    String m = METADATA.toLowerCase(Locale.ROOT);
    return k.endsWith(".zip") || k.endsWith("/" + m) || k.equals(m);
  }

  @Override
  public boolean ownsFolder() {
    return false;
  }

  @Override
  public Plan plan(ObjectInfo object, ObjectStore store) {
    ObjectRef ref = object.ref();
    String name = ref.fileName();
    if (ref.key().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return new Plan() {
        @Override
        public List<ObjectRef> parts() {
          return List.of(ref);
        }

        @Override
        public SceneSource open(Map<ObjectRef, Path> local, Path workDir) {
          return openZip(name, local.get(ref), workDir);
        }
      };
    }
    String folder = ref.key().substring(0, ref.key().lastIndexOf('/') + 1);
    List<String> paths = new ArrayList<>();
    for (ObjectInfo o : store.list(ref.bucket(), folder)) {
      paths.add(o.ref().key().substring(folder.length()));
    }
    Map<String, String> files = SafeProduct.bandFiles(paths, bands);
    String tile = tileMetadata(paths);
    Map<String, ObjectRef> parts = new LinkedHashMap<>();
    parts.put(METADATA, ref);
    parts.put(tile, ObjectRef.of(ref.bucket(), folder + tile));
    files.values().forEach(p -> parts.put(p, ObjectRef.of(ref.bucket(), folder + p)));
    return new Plan() {
      @Override
      public List<ObjectRef> parts() {
        return List.copyOf(parts.values());
      }

      @Override
      public SceneSource open(Map<ObjectRef, Path> local, Path workDir) {
        Map<String, Path> bandFiles = new LinkedHashMap<>();
        files.forEach((band, path) -> bandFiles.put(band, local.get(parts.get(path))));
        return build(
            folder.isEmpty() ? name : folder,
            SafeProduct.read(local.get(ref)),
            SafeProduct.read(local.get(parts.get(tile))),
            files,
            bandFiles);
      }
    };
  }

  private static String tileMetadata(List<String> paths) {
    return paths.stream()
        .filter(p -> p.matches("(.*/)?GRANULE/[^/]+/MTD_TL\\.xml"))
        .findFirst()
        .orElseThrow(() -> new RasterException("the SAFE product has no GRANULE/*/MTD_TL.xml"));
  }

  /**
   * A {@code .zip} upload is checked before it is stored: a readable zip holding the product's
   * metadata, its granule's metadata and every band file (nothing is decoded).
   */
  @Override
  public void check(String name, Path file) {
    if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return;
    }
    try (ZipFile z = new ZipFile(file.toFile())) {
      List<String> paths = entries(z);
      metadata(name, paths);
      SafeProduct.bandFiles(paths, bands);
      tileMetadata(paths);
    } catch (IOException e) {
      throw new RasterException(name + ": not a readable zip (" + e.getMessage() + ")", e);
    }
  }

  private static List<String> entries(ZipFile z) {
    List<String> paths = new ArrayList<>();
    z.stream().filter(e -> !e.isDirectory()).forEach(e -> paths.add(e.getName()));
    return paths;
  }

  private static String metadata(String name, List<String> paths) {
    return paths.stream()
        .filter(p -> p.equals(METADATA) || p.endsWith("/" + METADATA))
        .findFirst()
        .orElseThrow(
            () ->
                new RasterException(
                    name + ": holds no " + METADATA + ": not a Sentinel-2 L2A SAFE product"));
  }

  private SceneSource openZip(String name, Path zip, Path workDir) {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<String> paths = entries(z);
      String metadata = metadata(name, paths);
      Map<String, String> files = SafeProduct.bandFiles(paths, bands);
      String tile = tileMetadata(paths);
      Map<String, Path> bandFiles = new LinkedHashMap<>();
      int n = 0;
      for (var e : files.entrySet()) {
        Path out = workDir.resolve("safe-" + n++ + "-" + e.getKey() + ".jp2");
        try (InputStream in = z.getInputStream(z.getEntry(e.getValue()))) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        bandFiles.put(e.getKey(), out);
      }
      return build(
          name,
          z.getInputStream(z.getEntry(metadata)).readAllBytes(),
          z.getInputStream(z.getEntry(tile)).readAllBytes(),
          files,
          bandFiles);
    } catch (IOException e) {
      throw new RasterException(name + ": not a readable zip (" + e.getMessage() + ")", e);
    }
  }

  private SceneSource build(
      String name,
      byte[] metadata,
      byte[] tileMetadata,
      Map<String, String> paths,
      Map<String, Path> local) {
    SafeProduct.Declared declared =
        SafeProduct.radiometry(new ByteArrayInputStream(metadata), bands);
    Map<Integer, SafeProduct.Grid> grids =
        SafeProduct.grids(new ByteArrayInputStream(tileMetadata));
    CoordinateReferenceSystem crs;
    try {
      crs = CRS.forCode(grids.values().iterator().next().epsg());
    } catch (Exception e) {
      throw new RasterException(
          name + ": MTD_TL.xml names an unknown CRS (" + e.getMessage() + ")");
    }
    Map<String, Jp2Band> open = new LinkedHashMap<>();
    try {
      for (var e : local.entrySet()) {
        var m = SafeProduct.BAND_FILE.matcher(paths.get(e.getKey()));
        int res = m.matches() ? Integer.parseInt(m.group(3)) : 10;
        SafeProduct.Grid grid = grids.get(res);
        if (grid == null) {
          throw new RasterException(
              name + ": MTD_TL.xml has no Geoposition for " + res + " m (" + e.getKey() + ")");
        }
        open.put(e.getKey(), new Jp2Band(e.getValue(), e.getKey(), grid.geoTransform(), crs));
      }
      ProductBands product = ProductBands.of(name, open);
      return new SceneSource(
              product.raster(),
              product.resampling(),
              Optional.of(declared.radiometry()),
              declared.by(),
              RadiometryCheck.Trust.PROVIDER,
              product.notes(),
              new ArrayList<>(open.values()),
              product.maskedShare())
          .acquiredAt(
              SafeProduct.acquiredAt(
                      new ByteArrayInputStream(metadata), new ByteArrayInputStream(tileMetadata))
                  .orElse(null));
    } catch (RuntimeException e) {
      open.values().forEach(Jp2Band::close);
      throw e;
    }
  }
}

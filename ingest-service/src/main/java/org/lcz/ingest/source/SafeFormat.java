package org.lcz.ingest.source;

import java.util.List;
import java.util.Locale;
import org.lcz.common.raster.RasterException;
import org.lcz.common.storage.ObjectInfo;
import org.lcz.common.storage.ObjectStore;

/** An ESA SAFE product: a {@code .zip}, or the {@code MTD_MSIL2A.xml} of a {@code .SAFE} folder. */
public final class SafeFormat implements SceneFormat {
  private final List<String> bands;

  public SafeFormat(List<String> bands) {
    this.bands = List.copyOf(bands);
  }

  @Override
  public String name() {
    return "SAFE product (*.zip, *.SAFE/MTD_MSIL2A.xml)";
  }

  @Override
  public boolean claims(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith(".zip") || k.endsWith("/mtd_msil2a.xml") || k.equals("mtd_msil2a.xml");
  }

  @Override
  public boolean ownsFolder() {
    return false;
  }

  @Override
  public Plan plan(ObjectInfo object, ObjectStore store) {
    throw new RasterException("SAFE: not yet");
  }
}

package org.lcz.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.lcz.inference.map.TileTimes;

/**
 * Each mapped tile's times on {@code /q/metrics} and in the log: {@code
 * lcz_tile_seconds{phase="read"|"map"|"classify"|"write"}} (count, sum, max; "classify" is the part
 * of "map" spent inside the classifier) and {@code lcz_tile_patches_total}; {@code sum(map) /
 * patches} is the worker's model time per patch, {@code sum(read + write) / sum(all)} the share
 * spent on the object store and GeoTIFFs.
 */
@ApplicationScoped
public class TileMetrics {
  private static final Logger LOG = Logger.getLogger(TileMetrics.class);

  private final Timer read;
  private final Timer map;
  private final Timer classify;
  private final Timer write;
  private final Counter patches;

  public TileMetrics(MeterRegistry registry) {
    read = phase(registry, "read", "object store GET and GeoTIFF decoding of the tile");
    map = phase(registry, "map", "patches cut, normalised and classified");
    classify = phase(registry, "classify", "the part of map spent inside the classifier");
    write = phase(registry, "write", "map tile encoded and stored");
    patches =
        Counter.builder("lcz.tile.patches")
            .description("cells classified, one patch each")
            .register(registry);
  }

  private static Timer phase(MeterRegistry registry, String name, String what) {
    return Timer.builder("lcz.tile")
        .tag("phase", name)
        .description("time per mapped tile: " + what)
        .register(registry);
  }

  /** Records {@code times} and logs them. */
  public void record(TileTimes times) {
    read.record(times.readNanos(), TimeUnit.NANOSECONDS);
    map.record(times.mapNanos(), TimeUnit.NANOSECONDS);
    classify.record(times.classifyNanos(), TimeUnit.NANOSECONDS);
    write.record(times.writeNanos(), TimeUnit.NANOSECONDS);
    patches.increment(times.patches());
    LOG.infof("scene %s %s", times.sceneId(), times.describe());
  }
}

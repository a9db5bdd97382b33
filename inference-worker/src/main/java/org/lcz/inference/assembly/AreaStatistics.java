package org.lcz.inference.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * Class areas of the raw and the filtered map: per LCZ class its cells, km² and share of the cells
 * with a class, as JSON ({@code areas.json}, with the totals) and CSV ({@code areas.csv}, one row
 * per class). Classes and cells without a class add up to the map's cells.
 */
public final class AreaStatistics implements SceneProduct {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Cells per class value of a map (index 0: without a class), 256 entries. */
  static long[] count(byte[] classes) {
    long[] h = new long[256];
    for (byte b : classes) {
      h[b & 0xFF]++;
    }
    return h;
  }

  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    long[] raw = count(scene.map().classes());
    long[] filtered = count(scene.filtered());
    long cells = (long) scene.cols() * scene.rows();
    double km2 = scene.cellSize() * scene.cellSize() / 1e6;
    ObjectNode root = JSON.createObjectNode();
    root.put("sceneId", scene.sceneId());
    root.put("modelVersion", scene.modelVersion());
    root.put("cellSizeMetres", scene.cellSize());
    root.put("cellAreaKm2", km2);
    root.put("cells", cells);
    root.put("cellsWithoutClass", raw[0]);
    root.put("cellsWithoutClassFiltered", filtered[0]);
    ArrayNode classes = root.putArray("classes");
    StringBuilder csv =
        new StringBuilder(
            "value,code,name,lcz_cells,lcz_km2,lcz_share,lczFilter_cells,lczFilter_km2,"
                + "lczFilter_share\n");
    for (LczClass c : LczCatalog.standard().classes()) {
      ObjectNode k = classes.addObject();
      k.put("value", c.value());
      k.put("code", c.code());
      k.put("name", c.name());
      area(k.putObject("lcz"), raw[c.value()], cells - raw[0], km2);
      area(k.putObject("lczFilter"), filtered[c.value()], cells - filtered[0], km2);
      csv.append(
          String.format(
              Locale.ROOT,
              "%d,%s,\"%s\",%d,%.4f,%.6f,%d,%.4f,%.6f\n",
              c.value(),
              c.code(),
              c.name(),
              raw[c.value()],
              raw[c.value()] * km2,
              share(raw[c.value()], cells - raw[0]),
              filtered[c.value()],
              filtered[c.value()] * km2,
              share(filtered[c.value()], cells - filtered[0])));
    }
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(
        new Asset(
            "areas",
            "areas.json",
            json,
            "application/json",
            "Class areas of the raw and the filtered map",
            List.of("metadata"),
            Map.of()),
        new Asset(
            "areas-csv",
            "areas.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8),
            "text/csv",
            "Class areas of the raw and the filtered map (CSV)",
            List.of("metadata"),
            Map.of()));
  }

  private static void area(ObjectNode node, long cells, long mapped, double km2) {
    node.put("cells", cells);
    node.put("km2", cells * km2);
    node.put("share", share(cells, mapped));
  }

  private static double share(long cells, long mapped) {
    return mapped == 0 ? 0 : (double) cells / mapped;
  }
}

package org.lcz.inference.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lcz.raster.Png;

/**
 * The map's layers for a web map, on the scene's own grid and CRS (no reprojection, no resampling):
 * {@code web-lcz.png} and {@code web-lczFilter.png} (LCZ colours, one pixel per cell, cells without
 * a class transparent), {@code web-confidence.png} (the raw map's confidence as grey, black = 0 %,
 * white = 100 %) and {@code web-layers.json}, which says where they lie: the EPSG code, the extent
 * {@code [minX, minY, maxX, maxY]} in map units and each layer's file and title. The ingest
 * service's web page draws them over the scene's quicklook.
 *
 * <p>A map with further layers (a region's {@code observations} and {@code agreement}) gets one PNG
 * more per layer, {@code web-{name}.png}, in a colour ramp the JSON spells out as the layer's
 * {@code legend} (each step's lower bound, colour and label): counts in a sequential ramp (1, 2, …
 * 7 and more), percentages in five steps from red (0–20 %) to green (80–100 %); cells without a
 * class are transparent.
 */
public final class WebLayers implements SceneProduct {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    int cols = scene.cols();
    int rows = scene.rows();
    List<Asset> assets = new ArrayList<>();
    assets.add(
        png(
            "web-lcz",
            "lcz.png",
            PreviewImage.colours(scene.map().classes(), cols, rows),
            "LCZ map (lcz, unfiltered) for the web page"));
    assets.add(
        png(
            "web-lczFilter",
            "lczFilter.png",
            PreviewImage.colours(scene.filtered(), cols, rows),
            "LCZ map (lczFilter) for the web page"));
    assets.add(
        png(
            "web-confidence",
            "confidence.png",
            grey(scene.map().confidence(), scene.map().classes(), cols, rows),
            "Confidence of the raw map for the web page"));
    for (AssembledScene.Layer extra : scene.layers()) {
      assets.add(
          png(
              "web-" + extra.name(),
              extra.name() + ".png",
              ramp(extra.values(), scene.map().classes(), cols, rows, rampOf(extra)),
              extra.description() + ", for the web page"));
    }
    double[] g = scene.geoTransform();
    double x0 = g[0];
    double y0 = g[3];
    double x1 = x0 + cols * g[1];
    double y1 = y0 + rows * g[5];
    ObjectNode root = JSON.createObjectNode();
    root.put("sceneId", scene.sceneId());
    root.put("epsg", scene.epsg());
    root.put("modelVersion", scene.modelVersion());
    ArrayNode extent = root.putArray("extent");
    extent.add(Math.min(x0, x1)).add(Math.min(y0, y1)).add(Math.max(x0, x1)).add(Math.max(y0, y1));
    root.put("cols", cols);
    root.put("rows", rows);
    ArrayNode layers = root.putArray("layers");
    layer(layers, "lczFilter", "web-lczFilter.png", "LCZ (filtered)");
    layer(layers, "lcz", "web-lcz.png", "LCZ (raw)");
    layer(layers, "confidence", "web-confidence.png", "Confidence (raw map)");
    for (AssembledScene.Layer extra : scene.layers()) {
      ObjectNode l = layer(layers, extra.name(), "web-" + extra.name() + ".png", title(extra));
      ArrayNode legend = l.putArray("legend");
      for (Step step : rampOf(extra)) {
        legend
            .addObject()
            .put("from", step.from())
            .put("colour", String.format("#%06X", step.rgb()))
            .put("label", step.label());
      }
    }
    try {
      assets.add(
          new Asset(
              "web-layers",
              "web-layers.json",
              JSON.writeValueAsBytes(root),
              "application/json",
              "Where the web page's layers lie",
              List.of("metadata"),
              Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return assets;
  }

  private static ObjectNode layer(ArrayNode layers, String name, String file, String title) {
    ObjectNode l = layers.addObject();
    l.put("name", name);
    l.put("file", file);
    l.put("title", title);
    return l;
  }

  /** One step of a ramp: values from {@code from} (to the next step's) drawn in {@code rgb}. */
  record Step(int from, int rgb, String label) {}

  /** Counts: 1, 2, … 6, then 7 and more (ColorBrewer YlGnBu, light to dark). */
  static final List<Step> COUNTS =
      List.of(
          new Step(1, 0xC7E9B4, "1"),
          new Step(2, 0x7FCDBB, "2"),
          new Step(3, 0x41B6C4, "3"),
          new Step(4, 0x1D91C0, "4"),
          new Step(5, 0x225EA8, "5"),
          new Step(6, 0x253494, "6"),
          new Step(7, 0x081D58, "7 or more"));

  /** Percentages in five steps (ColorBrewer RdYlGn). */
  static final List<Step> PERCENT =
      List.of(
          new Step(0, 0xD7191C, "0–20 %"),
          new Step(20, 0xFDAE61, "20–40 %"),
          new Step(40, 0xFFFFBF, "40–60 %"),
          new Step(60, 0xA6D96A, "60–80 %"),
          new Step(80, 0x1A9641, "80–100 %"));

  private static List<Step> rampOf(AssembledScene.Layer layer) {
    return "percent".equals(layer.unit()) ? PERCENT : COUNTS;
  }

  private static String title(AssembledScene.Layer layer) {
    String name = layer.name();
    return Character.toUpperCase(name.charAt(0))
        + name.substring(1)
        + ("percent".equals(layer.unit()) ? " (%)" : " (count)");
  }

  /** {@code values} in the ramp's colours (the last step whose bound they reach). */
  static byte[] ramp(byte[] values, byte[] classes, int cols, int rows, List<Step> steps) {
    int[] colour = new int[256];
    for (int v = 0; v < 256; v++) {
      for (Step step : steps) {
        if (v >= step.from()) {
          colour[v] = 0xFF000000 | step.rgb();
        }
      }
    }
    BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
    int[] line = new int[cols];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int i = y * cols + x;
        line[x] = classes[i] == 0 ? 0 : colour[values[i] & 0xFF];
      }
      image.setRGB(0, y, cols, 1, line, 0, cols);
    }
    return Png.of(image);
  }

  private static Asset png(String name, String file, byte[] bytes, String title) {
    return new Asset(name, "web-" + file, bytes, "image/png", title, List.of("overview"), Map.of());
  }

  /** Confidence in percent as grey, cells without a class transparent. */
  static byte[] grey(byte[] confidence, byte[] classes, int cols, int rows) {
    BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
    int[] line = new int[cols];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int i = y * cols + x;
        int v = Math.round(2.55f * Math.min(100, confidence[i] & 0xFF));
        line[x] = classes[i] == 0 ? 0 : 0xFF000000 | v << 16 | v << 8 | v;
      }
      image.setRGB(0, y, cols, 1, line, 0, cols);
    }
    return Png.of(image);
  }
}

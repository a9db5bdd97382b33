package org.lcz.scheme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BandedSampleModel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.GridMapping;
import org.lcz.raster.Png;

/**
 * LCZ change between two maps on one grid: per cell the from-class and the to-class (cells where
 * either map has no class are left out, 0), and the 17 × 17 transition matrix in km² (row: from,
 * column: to). Its products: the matrix as CSV and JSON, a PNG of the matrix and a PNG of the
 * change map (changed cells in their new class's colour, unchanged cells grey).
 */
public final class LczChange {
  private static final int N = 17;
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final int cols;
  private final int rows;
  private final byte[] from;
  private final byte[] to;
  private final long[][] counts = new long[N][N];
  private final double cellAreaM2;
  private long compared;
  private long changed;

  private LczChange(int cols, int rows, byte[] from, byte[] to, double cellAreaM2) {
    this.cols = cols;
    this.rows = rows;
    this.from = from;
    this.to = to;
    this.cellAreaM2 = cellAreaM2;
  }

  /**
   * The change from {@code a} to {@code b}, both row-major classes 1–17 (0: none) on one grid of
   * {@code cols × rows} cells of {@code cellAreaM2} square metres each.
   */
  public static LczChange of(int cols, int rows, byte[] a, byte[] b, double cellAreaM2) {
    if (a.length != cols * rows || b.length != cols * rows) {
      throw new IllegalArgumentException(
          "the maps have " + a.length + " and " + b.length + " cells, not " + cols * rows);
    }
    byte[] f = new byte[a.length];
    byte[] t = new byte[b.length];
    LczChange change = new LczChange(cols, rows, f, t, cellAreaM2);
    for (int i = 0; i < a.length; i++) {
      int x = a[i] & 0xFF;
      int y = b[i] & 0xFF;
      if (x < 1 || x > N || y < 1 || y > N) {
        continue;
      }
      f[i] = (byte) x;
      t[i] = (byte) y;
      change.counts[x - 1][y - 1]++;
      change.compared++;
      if (x != y) {
        change.changed++;
      }
    }
    return change;
  }

  /** One file of a change product. */
  public record ProductFile(String name, byte[] bytes, String contentType) {}

  /**
   * The change from map {@code a} to map {@code b} on {@code a}'s grid, and its files.
   *
   * @param reprojected whether {@code b} was brought onto {@code a}'s grid
   * @param files {@code change.tif} (bands {@code from}, {@code to} on a's grid, nodata 0), {@code
   *     transitions.csv}, {@code transitions.json}, {@code transitions.png} and {@code change.png}
   */
  public record Comparison(LczChange change, boolean reprojected, List<ProductFile> files) {}

  /**
   * The change from {@code a} to {@code b}: {@code b} is brought onto {@code a}'s grid by nearest
   * neighbour ({@link GridMapping}, any CRS) when the grids differ.
   */
  public static Comparison between(LczMapFile a, LczMapFile b) {
    byte[] bOnA = b.classes().classes();
    boolean reprojected = !a.grid().sameAs(b.grid());
    if (reprojected) {
      bOnA = GridMapping.between(a.grid(), b.grid()).nearest(bOnA, (byte) 0);
    }
    LczChange change =
        of(a.cols(), a.rows(), a.classes().classes(), bOnA, a.cellWidth() * a.cellHeight());
    Raster raster =
        Raster.createRaster(
            new BandedSampleModel(DataBuffer.TYPE_BYTE, a.cols(), a.rows(), 2),
            new DataBufferByte(new byte[][] {change.from, change.to}, a.cols() * a.rows()),
            null);
    List<ProductFile> files =
        List.of(
            new ProductFile(
                "change.tif",
                GeoTiffWriter.write(raster, a.georeference(), List.of("from", "to"), 0.0),
                "image/tiff; application=geotiff"),
            new ProductFile(
                "transitions.csv", change.csv().getBytes(StandardCharsets.UTF_8), "text/csv"),
            new ProductFile("transitions.json", change.json(), "application/json"),
            new ProductFile("transitions.png", change.matrixPng(), "image/png"),
            new ProductFile("change.png", change.mapPng(), "image/png"));
    return new Comparison(change, reprojected, files);
  }

  /** Cells that went from LCZ value {@code a} to {@code b} (1–17). */
  public long cells(int a, int b) {
    return counts[a - 1][b - 1];
  }

  /** The area that went from LCZ value {@code a} to {@code b}, in km². */
  public double km2(int a, int b) {
    return counts[a - 1][b - 1] * cellAreaM2 / 1e6;
  }

  /** Cells with a class in both maps. */
  public long compared() {
    return compared;
  }

  /** Cells whose class differs. */
  public long changed() {
    return changed;
  }

  /** The from-classes, row-major, 0 where a cell is left out. */
  public byte[] from() {
    return from.clone();
  }

  /** The to-classes, row-major, 0 where a cell is left out. */
  public byte[] to() {
    return to.clone();
  }

  /** The matrix in km² as CSV: a header of the 17 to-classes, one row per from-class. */
  public String csv() {
    List<LczClass> classes = LczCatalog.standard().classes();
    StringBuilder s = new StringBuilder("from\\to");
    for (LczClass c : classes) {
      s.append(',').append(c.code());
    }
    s.append('\n');
    for (int a = 1; a <= N; a++) {
      s.append(classes.get(a - 1).code());
      for (int b = 1; b <= N; b++) {
        s.append(',').append(String.format(Locale.ROOT, "%.6f", km2(a, b)));
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** The matrix as JSON: classes, km² and cell counts by [from][to], totals. */
  public byte[] json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode codes = root.putArray("classes");
    LczCatalog.standard().classes().forEach(c -> codes.add(c.code()));
    root.put("cellAreaM2", cellAreaM2);
    root.put("comparedCells", compared);
    root.put("changedCells", changed);
    root.put("comparedKm2", compared * cellAreaM2 / 1e6);
    root.put("changedKm2", changed * cellAreaM2 / 1e6);
    ArrayNode km2 = root.putArray("km2");
    ArrayNode cells = root.putArray("cells");
    for (int a = 1; a <= N; a++) {
      ArrayNode k = km2.addArray();
      ArrayNode c = cells.addArray();
      for (int b = 1; b <= N; b++) {
        k.add(km2(a, b));
        c.add(cells(a, b));
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG of the matrix: a cell per transition, darker with more area, its km² written in. */
  public byte[] matrixPng() {
    int cell = 44;
    int margin = 40;
    int size = margin + N * cell + 8;
    BufferedImage image = new BufferedImage(size, size + 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    double max = 0;
    for (int a = 1; a <= N; a++) {
      for (int b = 1; b <= N; b++) {
        max = Math.max(max, km2(a, b));
      }
    }
    List<LczClass> classes = LczCatalog.standard().classes();
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int i = 0; i < N; i++) {
      g.setColor(new Color(classes.get(i).rgb()));
      g.fillRect(margin + i * cell, margin - 14, cell - 2, 10);
      g.fillRect(margin - 14, margin + i * cell, 10, cell - 2);
      g.setColor(Color.BLACK);
      g.drawString(classes.get(i).code(), margin + i * cell + 2, margin - 18);
      g.drawString(classes.get(i).code(), 4, margin + i * cell + cell / 2 + 4);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    for (int a = 1; a <= N; a++) {
      for (int b = 1; b <= N; b++) {
        double v = km2(a, b);
        int shade = max > 0 ? 255 - (int) Math.round(200 * Math.sqrt(v / max)) : 255;
        g.setColor(a == b ? new Color(shade, shade, 255) : new Color(255, shade, shade));
        int x = margin + (b - 1) * cell;
        int y = margin + (a - 1) * cell;
        g.fillRect(x, y, cell - 2, cell - 2);
        if (v > 0) {
          g.setColor(shade < 128 ? Color.WHITE : Color.BLACK);
          g.drawString(String.format(Locale.ROOT, "%.2f", v), x + 2, y + cell / 2 + 3);
        }
      }
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString("rows: from, columns: to, km²", margin, size + 12);
    g.dispose();
    return Png.of(image);
  }

  /** A PNG of the change map: changed cells in the new class's colour, unchanged grey. */
  public byte[] mapPng() {
    BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
    List<LczClass> classes = LczCatalog.standard().classes();
    for (int i = 0; i < from.length; i++) {
      int argb;
      if (from[i] == 0) {
        argb = 0; // transparent: not compared
      } else if (from[i] == to[i]) {
        argb = 0xFFC8C8C8;
      } else {
        argb = 0xFF000000 | classes.get(to[i] - 1).rgb();
      }
      image.setRGB(i % cols, i / cols, argb);
    }
    return Png.of(image);
  }

  public int cols() {
    return cols;
  }

  public int rows() {
    return rows;
  }
}

package org.lcz.inference.assembly;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.lcz.raster.Png;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * A PNG of a scene map in the LCZ colours (nodata transparent), scaled to about {@value #SIDE}
 * pixels on its longer side, with a legend of the classes present and their share of the mapped
 * cells.
 */
public final class PreviewImage {
  static final int SIDE = 768;
  private static final int LEGEND_WIDTH = 260;
  private static final int ROW = 20;
  private static final int MARGIN = 12;

  private PreviewImage() {}

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private static String line(LczClass c, long n, long mapped) {
    return String.format(
        Locale.ROOT, "%s  %s  %.1f%%", c.code(), c.name(), 100.0 * n / Math.max(1, mapped));
  }

  /** The legend's width for its longest line. */
  private static int legendWidth(String title, LczCatalog catalog, long[] histogram, long mapped) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
    try {
      int widest = g.getFontMetrics(TITLE).stringWidth(title);
      for (LczClass c : catalog.classes()) {
        if (histogram[c.value()] > 0) {
          widest =
              Math.max(
                  widest,
                  22 + g.getFontMetrics(TEXT).stringWidth(line(c, histogram[c.value()], mapped)));
        }
      }
      return widest + 2 * MARGIN;
    } finally {
      g.dispose();
    }
  }

  /** The preview of {@code map} with {@code title} above the legend. */
  public static byte[] png(SceneMap map, String title) {
    return png(map.classes(), map.cols(), map.rows(), title);
  }

  /** The preview of the classes {@code classes} (row-major) with {@code title} above the legend. */
  public static byte[] png(byte[] classes, int cols, int rows, String title) {
    double scale = (double) SIDE / Math.max(cols, rows);
    if (scale >= 1) {
      scale = Math.floor(scale);
    }
    int w = Math.max(1, (int) Math.round(cols * scale));
    int h = Math.max(1, (int) Math.round(rows * scale));
    Legend legend = new Legend(classes, title);
    BufferedImage image =
        new BufferedImage(
            w + legend.width, Math.max(h, legend.height), BufferedImage.TYPE_INT_ARGB);
    int[] argb = argb();
    int[] line = new int[w];
    for (int y = 0; y < h; y++) {
      int sy = Math.min(rows - 1, (int) (y / scale));
      for (int x = 0; x < w; x++) {
        int sx = Math.min(cols - 1, (int) (x / scale));
        line[x] = argb[classes[sy * cols + sx] & 0xFF];
      }
      image.setRGB(0, y, w, 1, line, 0, w);
    }
    legend.draw(image, w);
    return encode(image);
  }

  /** The classes in LCZ colours at one pixel per cell, cells without a class transparent. */
  public static byte[] colours(byte[] classes, int cols, int rows) {
    BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
    int[] argb = argb();
    int[] line = new int[cols];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        line[x] = argb[classes[y * cols + x] & 0xFF];
      }
      image.setRGB(0, y, cols, 1, line, 0, cols);
    }
    return encode(image);
  }

  /** The legend alone: {@code title}, then each class present with its colour and share. */
  public static byte[] legend(byte[] classes, String title) {
    Legend legend = new Legend(classes, title);
    BufferedImage image =
        new BufferedImage(legend.width, legend.height, BufferedImage.TYPE_INT_ARGB);
    legend.draw(image, 0);
    return encode(image);
  }

  private static int[] argb() {
    int[] argb = new int[256];
    for (LczClass c : LczCatalog.standard().classes()) {
      argb[c.value()] = 0xFF000000 | c.rgb();
    }
    return argb;
  }

  private static byte[] encode(BufferedImage image) {
    return Png.of(image);
  }

  /** A legend's content and size. */
  private static final class Legend {
    private final String title;
    private final long[] histogram;
    private final long mapped;
    private final int width;
    private final int height;

    Legend(byte[] classes, String title) {
      this.title = title;
      this.histogram = AreaStatistics.count(classes);
      long n = 0;
      int present = 0;
      for (LczClass c : LczCatalog.standard().classes()) {
        n += histogram[c.value()];
        present += histogram[c.value()] > 0 ? 1 : 0;
      }
      this.mapped = n;
      this.height = MARGIN * 2 + ROW * (present + 2);
      this.width =
          Math.max(LEGEND_WIDTH, legendWidth(title, LczCatalog.standard(), histogram, mapped));
    }

    void draw(BufferedImage image, int x0) {
      Graphics2D g = image.createGraphics();
      try {
        g.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(x0, 0, width, image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        int x = x0 + MARGIN;
        int y = MARGIN + 12;
        g.drawString(title, x, y);
        g.setFont(TEXT);
        y += ROW;
        for (LczClass c : LczCatalog.standard().classes()) {
          long n = histogram[c.value()];
          if (n == 0) {
            continue;
          }
          g.setColor(new Color(c.rgb()));
          g.fillRect(x, y - 11, 14, 14);
          g.setColor(Color.BLACK);
          g.drawRect(x, y - 11, 14, 14);
          g.drawString(line(c, n, mapped), x + 22, y + 1);
          y += ROW;
        }
      } finally {
        g.dispose();
      }
    }
  }
}

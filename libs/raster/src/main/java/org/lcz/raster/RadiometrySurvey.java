package org.lcz.raster;

import java.awt.image.Raster;
import org.lcz.contract.ValueSurvey;

/**
 * Reads a sample of a scene's pixels into a {@link ValueSurvey}: a small scene whole, strip by
 * strip; a large one as {@value #GRID} × {@value #GRID} windows of {@value #WINDOW} px spread
 * evenly over it (a few MB read from a granule, wherever its dark water and bright roofs lie).
 */
public final class RadiometrySurvey {
  static final int GRID = 6;
  static final int WINDOW = 256;

  private RadiometrySurvey() {}

  /** The survey of every band of {@code scene}. */
  public static ValueSurvey of(RasterSource scene) {
    ValueSurvey survey = new ValueSurvey(scene.bandNames(), scene.nodata().orElse(null));
    int w = scene.width();
    int h = scene.height();
    if ((long) w * h <= (long) GRID * GRID * WINDOW * WINDOW) {
      for (int y = 0; y < h; y += WINDOW) {
        add(survey, scene.read(0, y, w, Math.min(WINDOW, h - y)));
      }
      return survey;
    }
    int ww = Math.min(WINDOW, w);
    int wh = Math.min(WINDOW, h);
    for (int j = 0; j < GRID; j++) {
      for (int i = 0; i < GRID; i++) {
        int x = (int) ((long) (w - ww) * i / (GRID - 1));
        int y = (int) ((long) (h - wh) * j / (GRID - 1));
        add(survey, scene.read(x, y, ww, wh));
      }
    }
    return survey;
  }

  private static void add(ValueSurvey survey, Raster r) {
    int n = r.getWidth() * r.getHeight();
    float[] values = new float[n];
    for (int b = 0; b < r.getNumBands(); b++) {
      r.getSamples(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), b, values);
      survey.add(b, values, 0, n);
    }
  }
}

package org.lcz.scheme.areas;

import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.lcz.raster.RasterSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Training areas against the scene they will be sampled from: whether an area lies in the scene and
 * how much of it is nodata (including pixels masked as cloud). An area is placed in the scene's own
 * CRS; its pixels are those whose centre it contains (the pixel under its centroid when it contains
 * none). A pixel is nodata when any band holds the nodata value or NaN.
 */
public final class SceneCoverage {
  /** An area with more than this share of nodata pixels is left out. */
  public static final double MAX_NODATA_SHARE = 0.5;

  private final RasterSource scene;
  private final MathTransform toScene;
  private final Geometry bounds;
  private final double[] g;

  public SceneCoverage(RasterSource scene) {
    this.scene = scene;
    this.g = scene.geoTransform();
    try {
      toScene =
          CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), scene.crs(), null)
              .getMathTransform();
    } catch (FactoryException e) {
      throw new TrainingAreaException(
          scene.name() + ": cannot place longitude/latitude in its CRS (" + e.getMessage() + ")",
          e);
    }
    double x0 = g[0];
    double y0 = g[3];
    double x1 = x0 + scene.width() * g[1];
    double y1 = y0 + scene.height() * g[5];
    bounds =
        new GeometryFactory()
            .toGeometry(
                new Envelope(
                    Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)));
  }

  /** {@code a}'s outline in the scene's CRS. */
  public Geometry inScene(TrainingArea a) {
    Geometry copy = a.geometry().copy();
    double[] p = new double[2];
    copy.apply(
        (CoordinateFilter)
            c -> {
              p[0] = c.x;
              p[1] = c.y;
              try {
                toScene.transform(p, 0, p, 0, 1);
              } catch (TransformException e) {
                throw new TrainingAreaException(
                    a.id() + ": cannot be placed in the scene's CRS (" + e.getMessage() + ")", e);
              }
              c.x = p[0];
              c.y = p[1];
            });
    copy.geometryChanged();
    return copy;
  }

  /** Whether an area can be sampled from the scene, and what was found. */
  private record Verdict(boolean accepted, List<Finding> findings) {}

  /** Each area judged so far (the QC and the sampling ask about the same area objects). */
  private final Map<TrainingArea, Verdict> verdicts = new IdentityHashMap<>();

  /**
   * Whether {@code a} can be sampled from the scene, adding what was found to {@code findings};
   * judged once per area object, so asking again reads no pixels.
   */
  public boolean accepts(TrainingArea a, List<Finding> findings) {
    Verdict v = verdicts.computeIfAbsent(a, this::judge);
    findings.addAll(v.findings());
    return v.accepted();
  }

  /**
   * Judges every area of {@code areas} not judged yet, reading the scene once, top to bottom, in
   * strips of whole rows (each area's window from the strip that holds it); {@link #accepts} then
   * reads no pixels. The verdicts are those {@link #accepts} would reach area by area.
   */
  public void judgeAll(List<TrainingArea> areas) {
    List<Pending> pending = new ArrayList<>();
    for (TrainingArea a : areas) {
      if (verdicts.containsKey(a)) {
        continue;
      }
      Geometry there = inScene(a);
      if (!bounds.intersects(there)) {
        verdicts.put(a, outside(a));
      } else {
        pending.add(new Pending(a, there, window(there)));
      }
    }
    pending.sort(Comparator.comparingInt(p -> p.window().y()));
    Raster strip = null;
    int stripY = 0;
    int stripRows = 0;
    for (Pending p : pending) {
      Window w = p.window();
      if (strip == null || w.y() < stripY || w.y() + w.h() > stripY + stripRows) {
        stripY = w.y();
        stripRows = Math.min(scene.height() - stripY, Math.max(STRIP_ROWS, w.h()));
        strip = scene.read(0, stripY, scene.width(), stripRows);
      }
      verdicts.put(p.area(), verdict(p.area(), p.there(), share(p.there(), w, strip, 0, stripY)));
    }
  }

  /** Rows of the scene {@link #judgeAll} reads at once. */
  static final int STRIP_ROWS = 160;

  /** An area placed in the scene, and the pixel window around it. */
  private record Pending(TrainingArea area, Geometry there, Window window) {}

  /** Pixels x … x + w − 1, y … y + h − 1 of the scene. */
  private record Window(int x, int y, int w, int h) {}

  private Verdict judge(TrainingArea a) {
    Geometry there = inScene(a);
    if (!bounds.intersects(there)) {
      return outside(a);
    }
    return verdict(a, there, nodataShare(there));
  }

  private Verdict outside(TrainingArea a) {
    return new Verdict(
        false,
        List.of(
            new Finding(
                Finding.Level.ERROR,
                "outside the scene",
                a.id(),
                "lies outside " + scene.name() + "; left out")));
  }

  private Verdict verdict(TrainingArea a, Geometry there, double share) {
    List<Finding> findings = new ArrayList<>();
    if (!bounds.covers(there)) {
      findings.add(
          new Finding(
              Finding.Level.WARNING,
              "partly outside the scene",
              a.id(),
              "reaches beyond " + scene.name() + "'s edge; only its part inside is used"));
    }
    if (share > MAX_NODATA_SHARE) {
      findings.add(
          new Finding(
              Finding.Level.ERROR,
              "over nodata or cloud",
              a.id(),
              String.format(
                  Locale.ROOT,
                  "%.0f %% of its pixels are nodata or masked (cloud) in %s; left out",
                  100 * share,
                  scene.name())));
      return new Verdict(false, List.copyOf(findings));
    }
    if (share > 0) {
      findings.add(
          new Finding(
              Finding.Level.WARNING,
              "partly over nodata or cloud",
              a.id(),
              String.format(
                  Locale.ROOT,
                  "%.0f %% of its pixels are nodata or masked (cloud) in %s",
                  100 * share,
                  scene.name())));
    }
    return new Verdict(true, List.copyOf(findings));
  }

  /** The share of the area's pixels (inside the scene) that are nodata. */
  double nodataShare(Geometry there) {
    Window w = window(there);
    return share(there, w, scene.read(w.x(), w.y(), w.w(), w.h()), w.x(), w.y());
  }

  /** The pixels around {@code there}, clamped to the scene, at least one. */
  private Window window(Geometry there) {
    Envelope e = there.getEnvelopeInternal();
    int px0 =
        clamp((int) Math.floor((Math.min(e.getMinX(), e.getMaxX()) - g[0]) / g[1]), scene.width());
    int px1 = clamp((int) Math.ceil((e.getMaxX() - g[0]) / g[1]), scene.width());
    int py0 = clamp((int) Math.floor((e.getMaxY() - g[3]) / g[5]), scene.height());
    int py1 = clamp((int) Math.ceil((e.getMinY() - g[3]) / g[5]), scene.height());
    int w = Math.max(1, px1 - px0);
    int h = Math.max(1, py1 - py0);
    return new Window(Math.min(px0, scene.width() - w), Math.min(py0, scene.height() - h), w, h);
  }

  /**
   * The nodata share of {@code there} over window {@code win}, from {@code r}, which holds the
   * scene's pixels from column {@code rx} and row {@code ry}.
   */
  private double share(Geometry there, Window win, Raster r, int rx, int ry) {
    int px0 = win.x();
    int py0 = win.y();
    int w = win.w();
    int h = win.h();
    int ox = r.getMinX() + px0 - rx;
    int oy = r.getMinY() + py0 - ry;
    PreparedGeometry inside = PreparedGeometryFactory.prepare(there);
    GeometryFactory f = there.getFactory();
    Optional<Double> nodata = scene.nodata();
    double[] values = new double[r.getNumBands()];
    long total = 0;
    long missing = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double cx = g[0] + (px0 + x + 0.5) * g[1];
        double cy = g[3] + (py0 + y + 0.5) * g[5];
        if (!inside.contains(f.createPoint(new Coordinate(cx, cy)))) {
          continue;
        }
        total++;
        missing += isNodata(r.getPixel(ox + x, oy + y, values), nodata) ? 1 : 0;
      }
    }
    if (total == 0) {
      // smaller than a pixel: the pixel under its centroid
      Coordinate c = there.getCentroid().getCoordinate();
      int x = (int) Math.floor((c.x - g[0]) / g[1]) - px0;
      int y = (int) Math.floor((c.y - g[3]) / g[5]) - py0;
      if (x < 0 || y < 0 || x >= w || y >= h) {
        return 0;
      }
      return isNodata(r.getPixel(ox + x, oy + y, values), nodata) ? 1 : 0;
    }
    return (double) missing / total;
  }

  private static boolean isNodata(double[] pixel, Optional<Double> nodata) {
    for (double v : pixel) {
      if (Double.isNaN(v) || (nodata.isPresent() && v == nodata.get())) {
        return true;
      }
    }
    return false;
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}

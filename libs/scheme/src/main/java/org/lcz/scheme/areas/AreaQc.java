package org.lcz.scheme.areas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.lcz.scheme.LczCatalog;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The quality control of training areas before they become training data, each finding naming the
 * area:
 *
 * <ul>
 *   <li><b>invalid geometry</b> (self-intersections, …) is repaired with JTS's {@code
 *       GeometryFixer} (a note naming the error), or left out when nothing polygonal remains;
 *   <li><b>duplicates</b> (the same class and outline) are used once;
 *   <li>areas <b>smaller than one 100 m cell</b> are flagged (their centre cell is the most they
 *       can give);
 *   <li><b>very large</b> areas (≥ 300,000 m²) are replaced by a 300 m buffer around their
 *       centroid, as the LCZ Generator's multi-temporal code does;
 *   <li><b>overlapping areas of different classes</b> are both left out;
 *   <li>against a scene ({@link SceneCoverage}): areas <b>outside</b> it are left out, partly
 *       outside flagged; areas mostly (more than half) over <b>nodata or cloud</b> are left out,
 *       partly flagged;
 *   <li>a class with <b>fewer than 3 areas</b> left is an error (the Generator's rule).
 * </ul>
 */
public final class AreaQc {
  /** The LCZ Generator's minimum number of training areas per class. */
  public static final int MIN_AREAS_PER_CLASS = 3;

  /** The rule of a class with fewer than {@link #MIN_AREAS_PER_CLASS} usable areas. */
  public static final String TOO_FEW_AREAS = "too few areas";

  /** One 100 m cell, in m². */
  public static final double CELL_AREA = 100 * 100;

  /** From this area on (m²) an area is replaced by a buffer around its centroid. */
  public static final double LARGE_AREA = 300_000;

  /** The buffer that replaces a large area, in metres. */
  public static final double LARGE_BUFFER = 300;

  /** The areas to use and what was found. */
  public record Checked(List<TrainingArea> areas, List<Finding> findings) {
    /** Whether training can go on: every class has enough usable areas. */
    public boolean usable() {
      return findings.stream().noneMatch(f -> f.rule().equals(TOO_FEW_AREAS));
    }

    /** Areas kept per class value, for every class that had any area read. */
    public Map<Integer, Long> keptPerClass() {
      Map<Integer, Long> n = new TreeMap<>();
      areas.forEach(a -> n.merge(a.lcz(), 1L, Long::sum));
      return n;
    }
  }

  private AreaQc() {}

  /** Checks {@code read} (findings of reading kept first), against {@code scene} if given. */
  public static Checked check(TrainingAreaFiles.Read read, Optional<SceneCoverage> scene) {
    return check(read, scene.map(List::of).orElse(List.of()));
  }

  /**
   * Checks {@code read} against several scenes: an area is kept when at least one scene accepts it
   * (it lies in that scene, mostly over valid pixels); an area no scene accepts is reported with
   * the first scene's reason. With no scene, only the geometry is checked.
   */
  public static Checked check(TrainingAreaFiles.Read read, List<SceneCoverage> scenes) {
    List<Finding> findings = new ArrayList<>(read.findings());
    Set<Integer> classesRead = new HashSet<>();
    List<TrainingArea> areas = new ArrayList<>();
    for (TrainingArea a : read.areas()) {
      classesRead.add(a.lcz());
      repaired(a, findings).ifPresent(areas::add);
    }
    areas = withoutDuplicates(areas, findings);
    List<TrainingArea> sized = new ArrayList<>();
    for (TrainingArea a : areas) {
      sized.add(sized(a, findings));
    }
    areas = withoutOverlaps(sized, findings);
    if (!scenes.isEmpty()) {
      for (SceneCoverage scene : scenes) {
        scene.judgeAll(areas); // each scene read once, in row order
      }
      List<TrainingArea> inScene = new ArrayList<>();
      for (TrainingArea a : areas) {
        List<Finding> first = null;
        for (SceneCoverage scene : scenes) {
          List<Finding> reasons = new ArrayList<>();
          if (scene.accepts(a, reasons)) {
            findings.addAll(reasons); // its warnings (partly outside, partly cloud)
            first = null;
            inScene.add(a);
            break;
          }
          first = first == null ? reasons : first;
        }
        if (first != null) {
          findings.addAll(first);
        }
      }
      areas = inScene;
    }
    Map<Integer, Integer> perClass = new TreeMap<>();
    classesRead.forEach(c -> perClass.put(c, 0));
    areas.forEach(a -> perClass.merge(a.lcz(), 1, Integer::sum));
    perClass.forEach(
        (c, n) -> {
          if (n < MIN_AREAS_PER_CLASS) {
            findings.add(
                new Finding(
                    Finding.Level.ERROR,
                    TOO_FEW_AREAS,
                    "class " + code(c),
                    n
                        + " usable area"
                        + (n == 1 ? "" : "s")
                        + ", fewer than the "
                        + MIN_AREAS_PER_CLASS
                        + " the LCZ Generator requires per class"));
          }
        });
    return new Checked(List.copyOf(areas), List.copyOf(findings));
  }

  private static Optional<TrainingArea> repaired(TrainingArea a, List<Finding> findings) {
    Geometry g = a.geometry();
    IsValidOp op = new IsValidOp(g);
    if (op.isValid()) {
      return Optional.of(a);
    }
    TopologyValidationError error = op.getValidationError();
    Geometry fixed = GeometryFixer.fix(g);
    Geometry polygonal = polygonalPart(fixed);
    if (polygonal == null || polygonal.isEmpty() || polygonal.getArea() == 0) {
      findings.add(
          new Finding(
              Finding.Level.ERROR,
              "invalid geometry",
              a.id(),
              error.getMessage() + " at " + point(error) + " cannot be repaired; left out"));
      return Optional.empty();
    }
    findings.add(
        new Finding(
            Finding.Level.NOTE,
            "invalid geometry",
            a.id(),
            error.getMessage() + " at " + point(error) + "; repaired"));
    return Optional.of(a.with(polygonal));
  }

  private static Geometry polygonalPart(Geometry g) {
    if (g instanceof Polygonal) {
      return g;
    }
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygonal) {
        parts.add(g.getGeometryN(i));
      }
    }
    return parts.isEmpty() ? null : g.getFactory().buildGeometry(parts).union();
  }

  private static String point(TopologyValidationError e) {
    return e.getCoordinate() == null
        ? "?"
        : String.format(
            Locale.ROOT, "(%.6f, %.6f)", e.getCoordinate().getX(), e.getCoordinate().getY());
  }

  private static List<TrainingArea> withoutDuplicates(
      List<TrainingArea> areas, List<Finding> findings) {
    List<TrainingArea> out = new ArrayList<>();
    Map<String, TrainingArea> seen = new LinkedHashMap<>();
    for (TrainingArea a : areas) {
      Geometry norm = a.geometry().norm();
      String key = a.lcz() + "|" + norm.toText();
      TrainingArea first = seen.putIfAbsent(key, a);
      if (first != null) {
        findings.add(
            new Finding(
                Finding.Level.WARNING,
                "duplicate",
                a.id(),
                "the same class and outline as " + first.id() + "; used once"));
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static TrainingArea sized(TrainingArea a, List<Finding> findings) {
    double m2 = LocalMetres.area(a.geometry());
    if (m2 < CELL_AREA) {
      findings.add(
          new Finding(
              Finding.Level.WARNING,
              "smaller than a cell",
              a.id(),
              String.format(
                  Locale.ROOT,
                  "%.0f m², smaller than one 100 m cell: it gives at most the cell under its"
                      + " centre",
                  m2)));
      return a;
    }
    if (m2 >= LARGE_AREA) {
      LocalMetres local = LocalMetres.around(a.geometry());
      Geometry buffer = local.metres(a.geometry()).getCentroid().buffer(LARGE_BUFFER, 16);
      findings.add(
          new Finding(
              Finding.Level.NOTE,
              "very large",
              a.id(),
              String.format(
                  Locale.ROOT,
                  "%.2f km² ≥ 0.3 km²: replaced by a 300 m buffer around its centroid, as the"
                      + " LCZ Generator does",
                  m2 / 1e6)));
      return a.with(local.degrees(buffer));
    }
    return a;
  }

  private static List<TrainingArea> withoutOverlaps(
      List<TrainingArea> areas, List<Finding> findings) {
    STRtree index = new STRtree();
    for (TrainingArea a : areas) {
      index.insert(a.geometry().getEnvelopeInternal(), a);
    }
    Set<TrainingArea> overlapping = new HashSet<>();
    for (TrainingArea a : areas) {
      @SuppressWarnings("unchecked")
      List<TrainingArea> near = index.query(a.geometry().getEnvelopeInternal());
      for (TrainingArea b : near) {
        if (b == a || b.lcz() == a.lcz() || !a.geometry().intersects(b.geometry())) {
          continue;
        }
        double m2 = LocalMetres.area(a.geometry().intersection(b.geometry()));
        if (m2 <= 1) {
          continue; // touching edges
        }
        overlapping.add(a);
        findings.add(
            new Finding(
                Finding.Level.ERROR,
                "overlap",
                a.id(),
                String.format(
                    Locale.ROOT,
                    "overlaps %s (class %s) by %.0f m²; both left out",
                    b.id(),
                    code(b.lcz()),
                    m2)));
      }
    }
    return areas.stream().filter(a -> !overlapping.contains(a)).toList();
  }

  static String code(int lcz) {
    return LczCatalog.standard().byValue(lcz).code();
  }
}

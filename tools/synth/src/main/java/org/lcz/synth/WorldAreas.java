package org.lcz.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.sis.geometry.DirectPosition2D;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.lcz.scheme.LczCatalog;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * A synthetic world's regions as WUDAPT training areas, the way a person digitises them: squares of
 * {@value #SIDE} × {@value #SIDE} cells lying wholly in one class (a homogeneous patch of a region,
 * not the whole region), seeded, none overlapping another, written as KML in the WUDAPT template
 * (one Folder per class, named by its code; polygons in longitude/latitude).
 */
public final class WorldAreas {
  /** Side of an area in 100 m cells. */
  public static final int SIDE = 2;

  /** How far inside its cells' outline an area is drawn, in metres (no neighbour's centre). */
  static final double INSET = 5;

  private WorldAreas() {}

  /** An area: its class and its upper-left cell. */
  public record Area(int lcz, int col, int row) {}

  /**
   * Chooses areas in {@code world}: for each class (index 0 = LCZ 1), enough areas for {@code
   * cellsPerClass} cells, as far as the world holds them.
   */
  public static List<Area> choose(SyntheticWorld world, int[] cellsPerClass, long seed) {
    int cells = world.cells();
    boolean[] taken = new boolean[cells * cells];
    int[] wanted = new int[cellsPerClass.length];
    for (int c = 0; c < wanted.length; c++) {
      wanted[c] = (cellsPerClass[c] + SIDE * SIDE - 1) / (SIDE * SIDE);
    }
    int[] chosen = new int[wanted.length];
    List<Area> areas = new ArrayList<>();
    Random random = new Random(seed);
    int need = Arrays.stream(wanted).sum();
    for (int attempt = 0; attempt < 200 * need && areas.size() < need; attempt++) {
      int col = random.nextInt(cells - SIDE + 1);
      int row = random.nextInt(cells - SIDE + 1);
      int lcz = world.classAt(col, row);
      if (chosen[lcz - 1] >= wanted[lcz - 1] || !free(world, taken, col, row, lcz)) {
        continue;
      }
      for (int y = row; y < row + SIDE; y++) {
        for (int x = col; x < col + SIDE; x++) {
          taken[y * cells + x] = true;
        }
      }
      chosen[lcz - 1]++;
      areas.add(new Area(lcz, col, row));
    }
    return areas;
  }

  private static boolean free(SyntheticWorld world, boolean[] taken, int col, int row, int lcz) {
    for (int y = row; y < row + SIDE; y++) {
      for (int x = col; x < col + SIDE; x++) {
        if (taken[y * world.cells() + x] || world.classAt(x, y) != lcz) {
          return false;
        }
      }
    }
    return true;
  }

  /** Writes {@code areas} of a world at {@link WorldFiles#ORIGIN} as WUDAPT KML. */
  public static void writeKml(List<Area> areas, Path file) {
    MathTransform toLonLat;
    try {
      toLonLat =
          CRS.findOperation(
                  CRS.forCode("EPSG:" + WorldFiles.EPSG),
                  CommonCRS.WGS84.normalizedGeographic(),
                  null)
              .getMathTransform();
    } catch (FactoryException e) {
      throw new IllegalStateException("UTM zone 32N is unknown to Apache SIS", e);
    }
    LczCatalog catalog = LczCatalog.standard();
    StringBuilder kml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                + "<name>synthetic world training areas</name>\n");
    for (int lcz = 1; lcz <= catalog.size(); lcz++) {
      StringBuilder folder = new StringBuilder();
      int n = 0;
      for (int i = 0; i < areas.size(); i++) {
        Area a = areas.get(i);
        if (a.lcz() != lcz) {
          continue;
        }
        n++;
        double x0 = WorldFiles.ORIGIN[0] + a.col() * 100 + INSET;
        double x1 = WorldFiles.ORIGIN[0] + (a.col() + SIDE) * 100 - INSET;
        double y0 = WorldFiles.ORIGIN[1] - (a.row() + SIDE) * 100 + INSET;
        double y1 = WorldFiles.ORIGIN[1] - a.row() * 100 - INSET;
        double[][] ring = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
        folder.append("<Placemark><name>area-").append(i).append("</name><Polygon>");
        folder.append("<outerBoundaryIs><LinearRing><coordinates>");
        for (double[] p : ring) {
          DirectPosition2D lonLat = new DirectPosition2D();
          try {
            toLonLat.transform(new DirectPosition2D(p[0], p[1]), lonLat);
          } catch (TransformException e) {
            throw new IllegalStateException(e);
          }
          folder.append(String.format(Locale.ROOT, "%.8f,%.8f,0 ", lonLat.x, lonLat.y));
        }
        folder.append("</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n");
      }
      if (n > 0) {
        kml.append("<Folder><name>").append(catalog.byValue(lcz).code()).append("</name>\n");
        kml.append(folder).append("</Folder>\n");
      }
    }
    kml.append("</Document></kml>\n");
    try {
      Files.writeString(file, kml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

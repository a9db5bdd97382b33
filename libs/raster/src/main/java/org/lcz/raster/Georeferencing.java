package org.lcz.raster;

import java.time.ZoneOffset;
import java.util.Locale;
import javax.measure.Unit;
import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.util.FactoryException;

/** What a {@link RasterSource}'s georeference is called and how tiles write it. */
public final class Georeferencing {
  private Georeferencing() {}

  /**
   * Where the pixels are, for writing tiles: the geotransform and the CRS's EPSG code.
   *
   * @throws RasterException if the CRS has no EPSG code
   */
  public static GeoTiffWriter.Georeference of(RasterSource source) {
    Integer epsg = epsg(source.crs());
    if (epsg == null) {
      throw new RasterException(
          source.name()
              + ": its coordinate reference system has no EPSG code; reproject it to one that"
              + " has (gdalwarp -t_srs EPSG:…)");
    }
    return new GeoTiffWriter.Georeference(
        source.geoTransform(), epsg, source.crs() instanceof ProjectedCRS);
  }

  /**
   * The CRS's EPSG code, or null: looked up in the EPSG database, else the code the CRS names
   * itself by (a geographic CRS read with longitude first is EPSG:4326 by datum, not by axis
   * order).
   */
  public static Integer epsg(CoordinateReferenceSystem crs) {
    try {
      Integer code = IdentifiedObjects.lookupEPSG(crs);
      if (code != null) {
        return code;
      }
    } catch (FactoryException e) {
      // fall back on the CRS's own identifier
    }
    try {
      // a geographic CRS read from a GeoTIFF is longitude first (OGC CRS:84): EPSG:4326 by datum
      IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
      finder.setIgnoringAxes(true);
      IdentifiedObject found = finder.findSingleton(crs);
      if (found != null) {
        return IdentifiedObjects.lookupEPSG(found);
      }
    } catch (FactoryException e) {
      // fall back on the CRS's own identifier
    }
    String id = IdentifiedObjects.getIdentifierOrName(crs);
    if (id != null && id.toUpperCase(Locale.ROOT).startsWith("EPSG:")) {
      try {
        return Integer.valueOf(id.substring(5).trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** {@code EPSG:nnnn}, or the CRS's name when it has no code. */
  public static String code(CoordinateReferenceSystem crs) {
    Integer epsg = epsg(crs);
    return epsg == null ? crs.getName().getCode() : "EPSG:" + epsg;
  }

  /** The unit of the CRS's first axis, for messages ({@code m}, {@code °}, {@code ftUS} …). */
  public static String unit(CoordinateReferenceSystem crs) {
    Unit<?> unit = crs.getCoordinateSystem().getAxis(0).getUnit();
    String s = unit == null ? "" : unit.toString();
    return s.isEmpty() ? "units" : s;
  }

  /** The CRS as WKT 2. */
  public static String wkt(CoordinateReferenceSystem crs) {
    WKTFormat format = new WKTFormat(Locale.ROOT, ZoneOffset.UTC);
    format.setConvention(Convention.WKT2);
    return format.format(crs);
  }
}

package org.lcz.ingest.areas;

import java.nio.file.Path;
import java.util.Locale;
import org.lcz.raster.Gdal;

/** A synthetic scene and WUDAPT KML over it, made with GDAL, for the training-area tests. */
public final class AreaFixtures {
  private AreaFixtures() {}

  /**
   * A 10-band UTM 32N scene, 600 × 400 px at 10 m: band b, pixel (x, y) holds 500 + 100 b + (3x +
   * 7y) % 97.
   */
  public static Path scene(Path dir) throws Exception {
    Gdal.python(
        dir,
        "import numpy as np\nfrom osgeo import gdal, osr\n"
            + "names = ['B2','B3','B4','B5','B6','B7','B8','B8A','B11','B12']\n"
            + "d = gdal.GetDriverByName('GTiff').Create('scene.tif', 600, 400, 10, gdal.GDT_UInt16)\n"
            + "d.SetGeoTransform([500000, 10, 0, 5000000, 0, -10])\n"
            + "s = osr.SpatialReference(); s.ImportFromEPSG(32632); d.SetProjection(s.ExportToWkt())\n"
            + "y, x = np.mgrid[0:400, 0:600]\n"
            + "for b in range(10):\n"
            + "    band = d.GetRasterBand(b + 1); band.SetDescription(names[b])\n"
            + "    band.WriteArray((500 + 100 * b + (3 * x + 7 * y) % 97).astype('uint16'))\n"
            + "d = None\n");
    return dir.resolve("scene.tif");
  }

  /** KML of 3 classes × 4 squares of 250 m, placed in UTM with GDAL. */
  public static Path areas(Path dir, int perClass) throws Exception {
    StringBuilder points = new StringBuilder();
    String[] classes = {"2", "A", "G"};
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < perClass; i++) {
        points.append(
            String.format(
                Locale.ROOT,
                "(%d, %d, '%s', '%s_%d'), ",
                500600 + 1200 * i,
                4999500 - 1200 * c,
                classes[c],
                classes[c],
                i));
      }
    }
    Gdal.python(
        dir,
        "from osgeo import osr\ns = osr.SpatialReference(); s.ImportFromEPSG(32632)\n"
            + "t = osr.SpatialReference(); t.ImportFromEPSG(4326)\n"
            + "t.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)\n"
            + "c = osr.CoordinateTransformation(s, t)\n"
            + "folders = {}\n"
            + "for x, y, k, name in ["
            + points
            + "]:\n"
            + "    ring = [c.TransformPoint(px, py)[:2] for px, py in ((x, y), (x + 250, y), (x + 250, y + 250), (x, y + 250), (x, y))]\n"
            + "    coords = ' '.join('%.10f,%.10f,0' % p for p in ring)\n"
            + "    folders.setdefault(k, []).append('<Placemark><name>%s</name><Polygon><outerBoundaryIs><LinearRing><coordinates>%s</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>' % (name, coords))\n"
            + "body = ''.join('<Folder><name>%s</name>%s</Folder>' % (k, ''.join(v)) for k, v in folders.items())\n"
            + "open('areas.kml', 'w').write('<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>' + body + '</Document></kml>')\n");
    return dir.resolve("areas.kml");
  }
}

"""Writes N WUDAPT training areas over a scene as KML (one Folder per LCZ class, lon/lat): squares
of 150-700 m side (seeded), classes in turn 1...10, A...G, anywhere inside the scene. For the
1,000-polygon sampling benchmark of docs/benchmarks.md.
Usage: make_areas.py SCENE.tif OUT.kml [N]"""
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
scene = gdal.Open(sys.argv[1])
out = sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
g = scene.GetGeoTransform()
width = scene.RasterXSize * g[1]
height = scene.RasterYSize * -g[5]
src = osr.SpatialReference(wkt=scene.GetProjection())
dst = osr.SpatialReference()
dst.ImportFromEPSG(4326)
dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_lonlat = osr.CoordinateTransformation(src, dst)
codes = [str(i) for i in range(1, 11)] + list("ABCDEFG")
rng = np.random.default_rng(11)
folders = {c: [] for c in codes}
for i in range(n):
    side = rng.uniform(150, 700)
    x = g[0] + rng.uniform(0, width - side)
    y = g[3] - rng.uniform(side, height)
    ring = [(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)]
    coords = " ".join("%.8f,%.8f,0" % to_lonlat.TransformPoint(px, py)[:2] for px, py in ring)
    code = codes[i % len(codes)]
    folders[code].append(
        "<Placemark><name>area-%d</name><Polygon><outerBoundaryIs><LinearRing><coordinates>%s"
        "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>" % (i, coords))
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>')
    for code, placemarks in folders.items():
        f.write("<Folder><name>%s</name>%s</Folder>\n" % (code, "".join(placemarks)))
    f.write("</Document></kml>\n")
print("wrote", n, "areas to", out)

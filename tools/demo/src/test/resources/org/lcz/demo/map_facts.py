"""Facts of an LCZ map read with GDAL: its CRS, grid and class counts (band 1, 0 = unmapped).

usage: map_facts.py MAP.tif  ->  JSON {"epsg", "size", "geotransform", "classes": {class: cells}}
"""
import json
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
m = gdal.Open(sys.argv[1])
srs = osr.SpatialReference(wkt=m.GetProjection())
srs.AutoIdentifyEPSG()
lcz = m.GetRasterBand(1).ReadAsArray()
values, counts = np.unique(lcz[lcz > 0], return_counts=True)
print(json.dumps({
    "epsg": int(srs.GetAuthorityCode(None)),
    "size": [m.RasterXSize, m.RasterYSize],
    "geotransform": list(m.GetGeoTransform()),
    "classes": {str(int(v)): int(c) for v, c in zip(values, counts)},
}))

"""Compares one band of two rasters on the same grid, read with GDAL and numpy.

usage: compare_bands.py A.tif BAND_A B.tif BAND_B
B's values are read as an LCZ map in any coding: its nodata and 0 are no class, 101-107 are 11-17.
Prints JSON {"both": cells where both have a class, "same": of those equal, "a_only", "b_only",
"a_type", "b_nodata"}.
"""
import json
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()
a_ds, b_ds = gdal.Open(sys.argv[1]), gdal.Open(sys.argv[3])
assert a_ds.GetGeoTransform() == b_ds.GetGeoTransform(), "grids differ"
a_band = a_ds.GetRasterBand(int(sys.argv[2]))
b_band = b_ds.GetRasterBand(int(sys.argv[4]))
a = a_band.ReadAsArray().astype(np.float64)
b = b_band.ReadAsArray().astype(np.float64)
nodata = b_band.GetNoDataValue()
if nodata is not None:
    b[b == nodata] = 0
b[np.isnan(b)] = 0
b = np.where(b > 100, b - 90, b)
has_a, has_b = a > 0, b > 0
both = has_a & has_b
print(json.dumps({
    "both": int(both.sum()),
    "same": int((both & (a == b)).sum()),
    "a_only": int((has_a & ~has_b).sum()),
    "b_only": int((has_b & ~has_a).sum()),
    "a_type": gdal.GetDataTypeName(a_band.DataType),
    "a_description": a_band.GetDescription(),
    "a_nodata": a_band.GetNoDataValue(),
}))

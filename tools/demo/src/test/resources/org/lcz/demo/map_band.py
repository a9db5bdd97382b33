"""Prints band 1 of a (small) map as JSON rows, read by GDAL: usage: map_band.py MAP.tif"""
import json
import sys

import numpy as np  # noqa: F401
from osgeo import gdal

gdal.UseExceptions()
dataset = gdal.Open(sys.argv[1])  # held while its band is read (GDAL frees a dropped dataset)
print(json.dumps(dataset.GetRasterBand(1).ReadAsArray().tolist()))

"""An independent score of an LCZ map against a ground-truth raster, read with GDAL and numpy.

usage: score_map.py MAP.tif TRUTH.tif [BAND]  ->  JSON {"cells", "correct", "unmapped", "per_class"}
BAND (default 1) is the map's band to score. Cells are matched by their georeferenced centres; truth 0 is nodata; a labelled cell the map
leaves 0 or does not cover is unmapped.
"""
import json
import sys

import numpy as np
from osgeo import gdal

m = gdal.Open(sys.argv[1])
t = gdal.Open(sys.argv[2])
mg, tg = m.GetGeoTransform(), t.GetGeoTransform()
truth = t.GetRasterBand(1).ReadAsArray().astype(np.int32)
lcz = m.GetRasterBand(int(sys.argv[3]) if len(sys.argv) > 3 else 1).ReadAsArray().astype(np.int32)
rows, cols = np.indices(truth.shape)
x = tg[0] + (cols + 0.5) * tg[1]
y = tg[3] + (rows + 0.5) * tg[5]
mc = np.floor((x - mg[0]) / mg[1]).astype(np.int64)
mr = np.floor((y - mg[3]) / mg[5]).astype(np.int64)
inside = (mc >= 0) & (mc < lcz.shape[1]) & (mr >= 0) & (mr < lcz.shape[0])
predicted = np.zeros_like(truth)
predicted[inside] = lcz[mr[inside], mc[inside]]
labelled = truth > 0
correct = labelled & (predicted == truth)
per_class = {
    int(c): [int((truth == c).sum()), int(((truth == c) & correct).sum())]
    for c in np.unique(truth[labelled])
}
print(json.dumps({
    "cells": int(labelled.sum()),
    "correct": int(correct.sum()),
    "unmapped": int((labelled & (predicted == 0)).sum()),
    "per_class": per_class,
}))

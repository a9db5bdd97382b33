"""The map's class at each held-out patch's cell against the patch's label.

usage: held_out_agreement.py MAP.tif TEST.h5
Prints JSON: cells (patches), correct (map class == label), oa.
"""
import json
import sys

import h5py
import numpy as np
from osgeo import gdal

lcz = gdal.Open(sys.argv[1]).GetRasterBand(1).ReadAsArray()
f = h5py.File(sys.argv[2], "r")
labels = np.argmax(f["label"][:], axis=1) + 1
cells = f["cell"][:]
mapped = np.array([lcz[int(row), int(col)] for col, row in cells])
correct = int((mapped == labels).sum())
print(json.dumps({"cells": len(labels), "correct": correct, "oa": correct / len(labels)}))

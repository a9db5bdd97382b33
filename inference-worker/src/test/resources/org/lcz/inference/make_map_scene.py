"""Writes a 10-band UInt16 GeoTIFF scene (bands B2 ... B12 named as GDAL band descriptions, UTM
zone 32N, 10 m pixels) made of vertical stripes of the six classes of make_learnable_sets.py, with
the same spectral signatures and blob textures, so that a model trained on those sets maps the
stripes to different classes.

Usage: make_map_scene.py OUT.tif WIDTH HEIGHT SEED"""
import sys

import numpy as np
from osgeo import gdal, osr

out, width, height, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
BANDS = ["B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12"]
signature_rng = np.random.default_rng(1234)
SIGNATURES = signature_rng.normal(0, 1, size=(6, len(BANDS)))
DENSITY = np.linspace(0.05, 0.6, 6)
BASELINE = np.linspace(800, 2600, len(BANDS))

rng = np.random.default_rng(seed)
stripe = (np.arange(width) * 6 // width)[None, :].repeat(height, axis=0)
noise = rng.normal(0, 1.2, size=(height, width, len(BANDS)))
blobs = (rng.random(size=(height, width)) < DENSITY[stripe]) * 1.0
signal = SIGNATURES[stripe] * 0.8 + blobs[..., None] * 0.8
image = np.clip(BASELINE + 300 * (signal + noise), 1, 65535).astype(np.uint16)

ds = gdal.GetDriverByName("GTiff").Create(out, width, height, len(BANDS), gdal.GDT_UInt16,
                                          ["COMPRESS=DEFLATE", "TILED=YES"])
ds.SetGeoTransform([500000, 10, 0, 5000000, 0, -10])
srs = osr.SpatialReference()
srs.ImportFromEPSG(32632)
ds.SetProjection(srs.ExportToWkt())
for i, name in enumerate(BANDS):
    band = ds.GetRasterBand(i + 1)
    band.WriteArray(image[..., i])
    band.SetDescription(name)
ds = None

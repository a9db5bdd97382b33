"""Writes a Sentinel-2-granule-sized scene with GDAL: 10980 x 10980 px, 10 bands (B2 ... B12) of
UInt16 reflectance-like values (smooth fields plus noise), 10 m pixels, EPSG:32632, 512 px internal
tiles, DEFLATE with the horizontal predictor. Usage: make_granule.py OUT.tif [SIZE]"""
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
gdal.SetCacheMax(1 << 30)
out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 10980
names = ["B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12"]
ds = gdal.GetDriverByName("GTiff").Create(
    out, size, size, len(names), gdal.GDT_UInt16,
    ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "BIGTIFF=IF_SAFER"])
ds.SetGeoTransform([300000, 10, 0, 4600020, 0, -10])
srs = osr.SpatialReference()
srs.ImportFromEPSG(32632)
ds.SetProjection(srs.ExportToWkt())
for b, n in enumerate(names):
    ds.GetRasterBand(b + 1).SetDescription(n)
rng = np.random.default_rng(7)
x = np.arange(size)[None, :]
step = 512
for y0 in range(0, size, step):
    h = min(step, size - y0)
    y = np.arange(y0, y0 + h)[:, None]
    base = 800 + 600 * np.sin(x / 300.0) * np.cos(y / 250.0)
    block = np.empty((len(names), h, size), dtype=np.uint16)
    for b in range(len(names)):
        block[b] = (base + 150 * b + rng.integers(0, 60, size=(h, size))).astype(np.uint16)
    ds.WriteArray(block, 0, y0)
ds = None

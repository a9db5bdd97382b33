"""Writes a Sentinel-2-granule-sized L2A product in STAC form with GDAL: one COG per band, B02 B03
B04 B08 at 10 m (10980 x 10980 px) and B05 B06 B07 B8A B11 B12 at 20 m (5490 x 5490 px), UInt16
digital numbers with the +1000 BOA offset of baseline >= 04.00 (smooth fields, noise and dark water),
an SCL COG at 20 m (a cloud in one corner), EPSG:32632, and item.json in Earth Search's shape
(raster:bands scale 0.0001, offset -0.1). Usage: make_granule_stac.py OUT_DIR [SIZE]"""
import json
import os
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
gdal.SetCacheMax(1 << 29)
out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 10980
os.makedirs(out, exist_ok=True)
srs = osr.SpatialReference()
srs.ImportFromEPSG(32632)
ten = {"B02": "blue", "B03": "green", "B04": "red", "B08": "nir"}
twenty = {"B05": "rededge1", "B06": "rededge2", "B07": "rededge3", "B8A": "nir08", "B11": "swir16", "B12": "swir22"}
rng = np.random.default_rng(7)


def cog(name, n, res, fill, dtype=gdal.GDT_UInt16):
    tmp = os.path.join(out, name + ".tmp.tif")
    ds = gdal.GetDriverByName("GTiff").Create(tmp, n, n, 1, dtype, ["TILED=YES", "COMPRESS=NONE", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform([300000, res, 0, 4600020, 0, -res])
    ds.SetProjection(srs.ExportToWkt())
    step = 512
    x = np.arange(n)[None, :]
    for y0 in range(0, n, step):
        h = min(step, n - y0)
        y = np.arange(y0, y0 + h)[:, None]
        ds.GetRasterBand(1).WriteArray(fill(x, y, h, n), 0, y0)
    ds.GetRasterBand(1).SetNoDataValue(0)
    gdal.Translate(os.path.join(out, name), ds, format="COG",
                   creationOptions=["COMPRESS=DEFLATE", "PREDICTOR=2", "BLOCKSIZE=512", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER"])
    ds = None
    os.remove(tmp)


def band(i, res):
    def fill(x, y, h, n):
        xm, ym = x * res, y * res
        a = 1000 + 900 + 150 * i + 600 * np.sin(xm / 3000.0 + i) * np.cos(ym / 2500.0) + rng.normal(0, 40, (h, n))
        water = ((xm - 30000) ** 2 + (ym - 80000) ** 2) < 15000 ** 2
        a = np.where(water, 1000 + 80 + 10 * i, a)
        return np.clip(a, 1, 65535).astype(np.uint16)
    return fill


files = {}
for i, (b, key) in enumerate(list(ten.items()) + list(twenty.items())):
    res = 10 if b in ten else 20
    n = size if res == 10 else size // 2
    files[key] = f"{b}_{res}m.tif"
    cog(files[key], n, res, band(i, res))
    print("wrote", files[key], flush=True)


def scl(x, y, h, n):
    a = np.full((h, n), 4, dtype=np.uint8)
    a[(x < n // 8) & (y < n // 8)] = 9
    return a


cog("SCL_20m.tif", size // 2, 20, scl, gdal.GDT_Byte)
assets = {k: {"href": f, "raster:bands": [{"scale": 0.0001, "offset": -0.1, "nodata": 0}]} for k, f in files.items()}
assets["scl"] = {"href": "SCL_20m.tif"}
with open(os.path.join(out, "item.json"), "w") as f:
    json.dump({"type": "Feature", "stac_version": "1.0.0", "id": "granule", "properties":
               {"s2:processing_baseline": "05.09"}, "assets": assets}, f, indent=1)

"""Writes scene.json fixtures with GDAL (Debian's python3-gdal). Usage: make_manifest_scenes.py OUT

OUT/good/: B2.tif, B3.tif (10 m, 300 x 200 px, UInt16, the reference grid at origin 500000/4000000,
EPSG:32632), B4_20m.tif (20 m, UInt16, a smooth field), LC_30m.tif (30 m, Byte, categorical,
covering only part of the scene), scene.json. OUT/oracle/: B4 and LC brought onto the reference
grid by gdalwarp (bilinear, nearest): what the platform's resampling is compared with.
OUT/other_crs/: the same with B4 in EPSG:32633. OUT/missing/: a scene.json naming an absent file."""
import json
import os
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
out = sys.argv[1]
X0, Y0 = 500000, 4000000


def write(path, array, gdt, res, x0=X0, y0=Y0, epsg=32632, nodata=None):
    h, w = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(path, w, h, 1, gdt, ["COMPRESS=DEFLATE"])
    ds.SetGeoTransform([x0, res, 0, y0, 0, -res])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.WriteArray(array)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    ds = None


def scene(folder, b4_epsg=32632, missing=False):
    d = f"{out}/{folder}"
    os.makedirs(d, exist_ok=True)
    y = np.arange(200)[:, None]
    x = np.arange(300)[None, :]
    write(f"{d}/B2.tif", ((37 * y + 11 * x) % 251 + 1000).astype(np.uint16), gdal.GDT_UInt16, 10)
    write(f"{d}/B3.tif", ((37 * y + 11 * x + 101) % 251 + 1000).astype(np.uint16), gdal.GDT_UInt16, 10)
    y2 = np.arange(100)[:, None]
    x2 = np.arange(150)[None, :]
    b4 = (2000 + 40 * np.sin(x2 / 9.0) * np.cos(y2 / 7.0) + 3 * x2 + 5 * y2).astype(np.uint16)
    write(f"{d}/B4_20m.tif", b4, gdal.GDT_UInt16, 20, epsg=b4_epsg)
    # land cover: classes 1..5 in 30 m blocks, covering x 500300..502700, y 3998600..3999800
    y3 = np.arange(40)[:, None]
    x3 = np.arange(80)[None, :]
    lc = ((x3 // 7 + y3 // 5) % 5 + 1).astype(np.uint8)
    write(f"{d}/LC_30m.tif", lc, gdal.GDT_Byte, 30, x0=500300, y0=3999800)
    manifest = {
        "reference": "B2",
        "nodata": 0,
        "radiometry": "x10000",
        "bands": [
            {"name": "B2", "file": "B2.tif"},
            {"name": "B3", "file": "B3.tif"},
            {"name": "B4", "file": "B4_20m.tif", "resampling": "bilinear"},
            {"name": "LC", "file": "LC_30m.tif", "resampling": "nearest"},
        ],
    }
    if missing:
        manifest["bands"].append({"name": "DEM", "file": "dem.tif"})
    with open(f"{d}/scene.json", "w") as f:
        json.dump(manifest, f, indent=2)


scene("good")
scene("other_crs", b4_epsg=32633)
scene("missing", missing=True)
os.makedirs(f"{out}/oracle", exist_ok=True)
for name, alg in (("B4_20m", "bilinear"), ("LC_30m", "near")):
    gdal.Warp(f"{out}/oracle/{name}.tif", f"{out}/good/{name}.tif", outputBounds=(X0, Y0 - 2000, X0 + 3000, Y0),
              xRes=10, yRes=10, resampleAlg=alg, dstNodata=0, outputType=gdal.GDT_Float64)

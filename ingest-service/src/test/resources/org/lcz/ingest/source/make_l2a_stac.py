"""Writes a Sentinel-2 L2A product in STAC form from a multi-band reflectance GeoTIFF.

usage: make_l2a_stac.py SOURCE.tif OUT_DIR

SOURCE holds bands named B2 … B12 as reflectance fractions whose BOA offset was not removed (as
sen2.tif of the real-data folder does). OUT_DIR receives, in EPSG:32721 on grids aligned to their
pixel size: one UInt16 COG per band of digital numbers (DN = value × 10000, so the +1000 offset is
in them), 10 m bands at 10 m and 20 m bands at 20 m; an SCL COG at 20 m (4 = vegetation, with a
block of 9 = cloud); and two Items: earth-search.json (Earth Search asset keys, raster:bands
scale 0.0001 offset -0.1), planetary-computer.json (B02 … keys, s2:processing_baseline 05.00) and
planetary-computer-0301.json (the same, baseline 03.01: no offset in the numbers).
"""
import json
import os
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
ten = {"B2": "blue", "B3": "green", "B4": "red", "B8": "nir"}
twenty = {"B5": "rededge1", "B6": "rededge2", "B7": "rededge3", "B8A": "nir08",
          "B11": "swir16", "B12": "swir22"}
ds = gdal.Open(src)
index = {ds.GetRasterBand(b).GetDescription(): b for b in range(1, ds.RasterCount + 1)}


def dn_cog(band, res, name):
    tmp = gdal.Translate("/vsimem/b.tif", ds, bandList=[index[band]])
    warped = gdal.Warp("/vsimem/w.tif", tmp, dstSRS="EPSG:32721", xRes=res, yRes=res,
                       targetAlignedPixels=True, resampleAlg="bilinear",
                       dstNodata=float("nan"))
    a = warped.GetRasterBand(1).ReadAsArray()
    dn = np.where(np.isnan(a), 0, np.round(a * 10000)).astype("uint16")
    mem = gdal.GetDriverByName("MEM").Create("", warped.RasterXSize, warped.RasterYSize, 1,
                                              gdal.GDT_UInt16)
    mem.SetGeoTransform(warped.GetGeoTransform())
    mem.SetProjection(warped.GetProjection())
    mem.GetRasterBand(1).WriteArray(dn)
    mem.GetRasterBand(1).SetNoDataValue(0)
    gdal.Translate(os.path.join(out, name), mem, format="COG",
                   creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=256"])
    return warped.GetGeoTransform(), warped.RasterXSize, warped.RasterYSize


files = {}
for band in list(ten) + list(twenty):
    res = 10 if band in ten else 20
    name = f"{band}_{res}m.tif"
    files[band] = name
    gt, w, h = dn_cog(band, res, name)
    if band == "B5":
        scl_grid = (gt, w, h)

gt, w, h = scl_grid
scl = np.full((h, w), 4, dtype="uint8")
scl[2:8, 2:10] = 9  # a cloud
mem = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Byte)
mem.SetGeoTransform(gt)
mem.SetProjection(gdal.Open(os.path.join(out, files["B5"])).GetProjection())
mem.GetRasterBand(1).WriteArray(scl)
gdal.Translate(os.path.join(out, "SCL_20m.tif"), mem, format="COG",
               creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=256"])


def item(keys, props, raster_bands):
    assets = {}
    for band, key in keys.items():
        a = {"href": "./" + files[band], "type": "image/tiff; application=geotiff; profile=cloud-optimized",
             "roles": ["data"], "eo:bands": [{"name": band.replace("B", "B0") if len(band) == 2 else band}]}
        if raster_bands:
            a["raster:bands"] = [{"nodata": 0, "data_type": "uint16", "scale": 0.0001, "offset": -0.1}]
        assets[key] = a
    assets["scl" if raster_bands else "SCL"] = {"href": "SCL_20m.tif", "roles": ["data"]}
    return {"type": "Feature", "stac_version": "1.0.0", "id": "S2B_21MXS_20230101_0_L2A",
            "geometry": None, "bbox": None, "properties": dict(props, datetime="2023-01-01T14:00:00Z"),
            "links": [], "assets": assets}


es_keys = {b: k for b, k in list(ten.items()) + list(twenty.items())}
pc_keys = {b: (b.replace("B", "B0") if len(b) == 2 else b) for b in es_keys}
with open(os.path.join(out, "earth-search.json"), "w") as f:
    json.dump(item(es_keys, {"s2:processing_baseline": "05.00",
                             "earthsearch:boa_offset_applied": True}, True), f, indent=1)
with open(os.path.join(out, "planetary-computer.json"), "w") as f:
    json.dump(item(pc_keys, {"s2:processing_baseline": "05.00"}, False), f, indent=1)
with open(os.path.join(out, "planetary-computer-0301.json"), "w") as f:
    json.dump(item(pc_keys, {"s2:processing_baseline": "03.01"}, False), f, indent=1)

"""Writes a Sentinel-2 L2A product in STAC form from a multi-band reflectance GeoTIFF.

usage: make_l2a_stac.py SOURCE.tif OUT_DIR [CDSE_DIR [EXTRA_DN]]

SOURCE holds bands named B2 … B12 as reflectance fractions whose BOA offset was not removed (as
sen2.tif of the real-data folder does). OUT_DIR receives, in EPSG:32721 on grids aligned to their
pixel size: one UInt16 COG per band of digital numbers (DN = value × 10000, so the +1000 offset is
in them), 10 m bands at 10 m and 20 m bands at 20 m; an SCL COG at 20 m (4 = vegetation, with a
block of 9 = cloud); and two Items: earth-search.json (Earth Search asset keys, raster:bands
scale 0.0001 offset -0.1), planetary-computer.json (B02 … keys, s2:processing_baseline 05.00) and
planetary-computer-0301.json (the same, baseline 03.01: no offset in the numbers).

With CDSE_DIR, the same product in the Copernicus Data Space Ecosystem's form (STAC 1.1, as its
catalogue documents it): lossless JPEG 2000 files per band at 10, 20 and 60 m as ESA makes them
(the native resolution from the band's own numbers + EXTRA_DN, default 0 — give 1000 to put the
BOA offset into numbers that lack it; the coarser copies averaged from it), SCL at 20 and 60 m,
laid out under CDSE_DIR/eodata/<the SAFE path> and flat under CDSE_DIR/local; cdse.json (hrefs
s3://eodata/… needing "s3" credentials, https alternates needing "oidc") and cdse-local.json
(relative hrefs). Both: keys B02_10m …, STAC 1.1 "bands", raster:scale/raster:offset on the asset,
processing:version 05.00, proj:code/proj:shape/proj:transform.
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


if len(sys.argv) > 3:
    cdse = sys.argv[3]
    extra = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    safe = ("Sentinel-2/MSI/L2A/2023/01/01/"
            "S2B_MSIL2A_20230101T140000_N0500_R000_T21MXS_20230101T160000.SAFE/"
            "GRANULE/L2A_T21MXS_A000000_20230101T140000/IMG_DATA")
    local = os.path.join(cdse, "local")
    os.makedirs(local, exist_ok=True)
    names = {"B2": "B02", "B3": "B03", "B4": "B04", "B8": "B08", "B5": "B05", "B6": "B06",
             "B7": "B07", "B8A": "B8A", "B11": "B11", "B12": "B12"}
    common = dict(ten, **twenty)
    # the R10m folder has no red edge, B8A, SWIR or SCL; the R20m and R60m ones have no B08
    resolutions = {b: ([10, 20, 60] if b in ("B2", "B3", "B4") else [10] if b == "B8"
                       else [20, 60]) for b in names}
    resolutions["SCL"] = [20, 60]

    def jp2(array, gt, proj, path):
        h, w = array.shape
        mem = gdal.GetDriverByName("MEM").Create("", w, h, 1,
                                                  gdal.GDT_Byte if array.dtype == np.uint8
                                                  else gdal.GDT_UInt16)
        mem.SetGeoTransform(gt)
        mem.SetProjection(proj)
        mem.GetRasterBand(1).WriteArray(array)
        gdal.GetDriverByName("JP2OpenJPEG").CreateCopy(
            path, mem, options=["REVERSIBLE=YES", "QUALITY=100", "BLOCKXSIZE=128",
                                "BLOCKYSIZE=64"])
        for extra_file in (path + ".aux.xml",):
            if os.path.exists(extra_file):
                os.remove(extra_file)
        return {"proj:code": "EPSG:32721", "proj:shape": [h, w],
                "proj:transform": [gt[1], gt[2], gt[0], gt[4], gt[5], gt[3]]}

    assets_s3, assets_local = {}, {}
    for band in list(names) + ["SCL"]:
        base = gdal.Open(os.path.join(out, "SCL_20m.tif" if band == "SCL" else files[band]))
        native = int(round(base.GetGeoTransform()[1]))
        for res in resolutions[band]:
            if res == native:
                a = base.GetRasterBand(1).ReadAsArray()
                if band != "SCL":
                    a = np.where(a == 0, 0, a.astype("int64") + extra).astype("uint16")
                gt, proj = base.GetGeoTransform(), base.GetProjection()
            else:
                src_path = "/vsimem/native.tif"
                a0 = base.GetRasterBand(1).ReadAsArray()
                if band != "SCL":
                    a0 = np.where(a0 == 0, 0, a0.astype("int64") + extra).astype("uint16")
                m = gdal.GetDriverByName("MEM").Create("", base.RasterXSize, base.RasterYSize, 1,
                                                        base.GetRasterBand(1).DataType)
                m.SetGeoTransform(base.GetGeoTransform())
                m.SetProjection(base.GetProjection())
                m.GetRasterBand(1).WriteArray(a0)
                m.GetRasterBand(1).SetNoDataValue(0)
                warped = gdal.Warp("/vsimem/c.tif", m, xRes=res, yRes=res, targetAlignedPixels=True,
                                   resampleAlg="near" if band == "SCL" else "average")
                a = warped.GetRasterBand(1).ReadAsArray()
                gt, proj = warped.GetGeoTransform(), warped.GetProjection()
            key = ("SCL" if band == "SCL" else names[band]) + f"_{res}m"
            file = f"T21MXS_20230101T140000_{key}.jp2"
            folder = os.path.join(cdse, "eodata", safe, f"R{res}m")
            os.makedirs(folder, exist_ok=True)
            proj_fields = jp2(a, gt, proj, os.path.join(folder, file))
            os.link(os.path.join(folder, file), os.path.join(local, file))
            asset = dict({"type": "image/jp2", "roles": ["data"], "gsd": res,
                          "title": f"{key} ({res} m)", "nodata": 0,
                          "data_type": "uint8" if band == "SCL" else "uint16"}, **proj_fields)
            if band == "SCL":
                asset["bands"] = [{"name": "SCL", "description": "scene classification"}]
            else:
                asset["roles"] = ["data", "reflectance"]
                asset["bands"] = [{"name": names[band], "eo:common_name": common[band]}]
                asset["raster:scale"] = 0.0001
                asset["raster:offset"] = -0.1
            s3 = dict(asset, href=f"s3://eodata/{safe}/R{res}m/{file}", **{"auth:refs": ["s3"]})
            s3["alternate"] = {"https": {
                "href": "https://download.dataspace.copernicus.eu/odata/v1/Products(0)/Nodes("
                        + file + ")/$value", "auth:refs": ["oidc"]}}
            assets_s3[key] = s3
            assets_local[key] = dict(asset, href="./" + file)

    def cdse_item(assets):
        return {"type": "Feature", "stac_version": "1.1.0",
                "stac_extensions": [
                    "https://stac-extensions.github.io/eo/v2.0.0/schema.json",
                    "https://stac-extensions.github.io/raster/v2.0.0/schema.json",
                    "https://stac-extensions.github.io/projection/v2.0.0/schema.json",
                    "https://stac-extensions.github.io/processing/v1.2.0/schema.json",
                    "https://stac-extensions.github.io/alternate-assets/v1.2.0/schema.json",
                    "https://stac-extensions.github.io/authentication/v1.1.0/schema.json"],
                "id": "S2B_MSIL2A_20230101T140000_N0500_R000_T21MXS_20230101T160000",
                "geometry": None, "bbox": None,
                "properties": {"datetime": "2023-01-01T14:00:00Z", "platform": "sentinel-2b",
                               "constellation": "sentinel-2", "processing:version": "05.00",
                               "processing:level": "L2", "product:type": "S2MSI2A"},
                "auth:schemes": {
                    "s3": {"type": "s3"},
                    "oidc": {"type": "openIdConnect",
                             "openIdConnectUrl": "https://identity.dataspace.copernicus.eu/auth/"
                                                 "realms/CDSE/.well-known/openid-configuration"}},
                "links": [], "assets": assets}

    with open(os.path.join(cdse, "cdse.json"), "w") as f:
        json.dump(cdse_item(assets_s3), f, indent=1)
    with open(os.path.join(local, "cdse-local.json"), "w") as f:
        json.dump(cdse_item(assets_local), f, indent=1)

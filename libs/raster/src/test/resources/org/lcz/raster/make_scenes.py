"""Writes GeoTIFF fixtures with GDAL (Debian's python3-gdal), one per layout a scene may come in,
plus files the reader must refuse. Usage: make_scenes.py OUT_DIR

Every good file is 300 x 200 px, 3 bands named B2 B3 B4, EPSG:32632, origin (500000, 4000000),
10 m pixels; value(band b, row y, col x) = (37*y + 11*x + 101*b) % 251 + OFFSET[type]. UInt16 files
declare reflectance x 10000 by GDAL band scale 0.0001."""
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
out = sys.argv[1]
W, H, B = 300, 200, 3
TYPES = {
    "uint8": (gdal.GDT_Byte, np.uint8, 0),
    "int16": (gdal.GDT_Int16, np.int16, -100),
    "uint16": (gdal.GDT_UInt16, np.uint16, 1000),
    "int32": (gdal.GDT_Int32, np.int32, -70000),
    "float32": (gdal.GDT_Float32, np.float32, 0.25),
    "float64": (gdal.GDT_Float64, np.float64, -0.5),
}


def values(dtype, offset):
    y = np.arange(H)[:, None]
    x = np.arange(W)[None, :]
    return [((37 * y + 11 * x + 101 * b) % 251 + offset).astype(dtype) for b in range(B)]


def write(name, type_name="uint16", options=(), epsg=32632, nodata=None, overviews=False, w=W, h=H,
          geotransform=(500000, 10, 0, 4000000, 0, -10)):
    gdt, dtype, offset = TYPES[type_name]
    ds = gdal.GetDriverByName("GTiff").Create(f"{out}/{name}", w, h, B, gdt, list(options))
    ds.SetGeoTransform(list(geotransform))
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
    for b, a in enumerate(values(dtype, offset)):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(a[:h, :w])
        band.SetDescription(["B2", "B3", "B4"][b])
        if type_name == "uint16":
            band.SetScale(0.0001)  # declares reflectance x 10000 (the values look offset otherwise)
        if nodata is not None:
            band.SetNoDataValue(nodata)
    if overviews:
        ds.BuildOverviews("NEAREST", [2, 4])
    ds = None


for t in TYPES:
    write(f"strips_{t}.tif", t)
write("tiled_deflate_pred2.tif", "uint16", ["TILED=YES", "BLOCKXSIZE=128", "BLOCKYSIZE=64", "COMPRESS=DEFLATE", "PREDICTOR=2"])
write("strips_lzw_pred2.tif", "int16", ["COMPRESS=LZW", "PREDICTOR=2"])
write("packbits.tif", "uint8", ["COMPRESS=PACKBITS"])
write("band_interleave.tif", "float32", ["INTERLEAVE=BAND", "COMPRESS=DEFLATE"])
write("bigtiff.tif", "uint16", ["BIGTIFF=YES", "TILED=YES"])
write("nodata_overviews.tif", "uint16", ["TILED=YES", "COMPRESS=LZW"], nodata=0, overviews=True)
write("sirgas_utm25s.tif", "uint16", [], epsg=31985)
# float samples with a nodata value: pixel (0, 0) of every band is nodata
ds = gdal.GetDriverByName("GTiff").Create(f"{out}/float_nodata.tif", W, H, B, gdal.GDT_Float32, ["COMPRESS=DEFLATE"])
ds.SetGeoTransform([500000, 10, 0, 4000000, 0, -10])
srs = osr.SpatialReference()
srs.ImportFromEPSG(32632)
ds.SetProjection(srs.ExportToWkt())
for b, a in enumerate(values(np.float32, 0.25)):
    a[0, 0] = -9999
    band = ds.GetRasterBand(b + 1)
    band.WriteArray(a)
    band.SetNoDataValue(-9999)
    band.SetDescription(["B2", "B3", "B4"][b])
ds = None
# files to refuse
write("zstd.tif", "uint16", ["COMPRESS=ZSTD"])
write("float_predictor.tif", "float32", ["COMPRESS=DEFLATE", "PREDICTOR=3"])
write("wide_tiles_pred2.tif", "uint16", ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "PREDICTOR=2"], w=100, h=80)
write("no_crs.tif", "uint16", [], epsg=None)
# a grid turned by 30 degrees, and one sheared along x: GDAL writes a ModelTransformation tag
write("rotated.tif", "uint16", [], geotransform=(500000, 8.660254, -5, 4000000, -5, -8.660254))
write("sheared.tif", "uint16", [], geotransform=(500000, 10, 2, 4000000, 0, -10))


def declared_only(name, w, h, options):
    """A file that declares a huge image and stores no pixel (GDAL's sparse files): a few bytes on
    disk, gigabytes once decoded."""
    ds = gdal.GetDriverByName("GTiff").Create(f"{out}/{name}", w, h, 1, gdal.GDT_UInt16, options + ["SPARSE_OK=TRUE"])
    ds.SetGeoTransform([500000, 10, 0, 4000000, 0, -10])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32632)
    ds.SetProjection(srs.ExportToWkt())
    ds = None


declared_only("bomb_one_strip.tif", 60000, 60000, ["COMPRESS=DEFLATE", "BLOCKYSIZE=60000"])
declared_only("absurd_size.tif", 100000, 100000, ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=YES"])
with open(f"{out}/not_a_tiff.tif", "w") as f:
    f.write("this is not a TIFF")
data = open(f"{out}/tiled_deflate_pred2.tif", "rb").read()
open(f"{out}/truncated.tif", "wb").write(data[: len(data) // 2])

"""Writes small Sentinel-2 L2A SAFE products with GDAL's JP2OpenJPEG driver.

usage: make_safe.py OUT_DIR

OUT_DIR/S2B_MSIL2A_..._N0509_....SAFE/ (and the same as OUT_DIR/product.zip): processing baseline
05.09, BOA_ADD_OFFSET -1000, so DN = reflectance x 10000 + 1000; OUT_DIR/old.SAFE/: baseline 03.01,
no offset. UTM 33N, 240 x 200 px at 10 m: B02 B03 B04 B08 at 10 m; B05 B06 B07 B8A B11 B12 and SCL
at 20 m (SCL 4 everywhere but a cloud (9) of 10 x 8 cells). OUT_DIR/truth.tif holds the canonical
values (reflectance x 10000) of the 10 m bands (B2 B3 B4 B8) for comparison.
"""
import os
import shutil
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
out = sys.argv[1]
W, H = 240, 200
ULX, ULY = 400000.0, 5000000.0
srs = osr.SpatialReference()
srs.ImportFromEPSG(32633)


def field(b, w, h, res):
    y, x = np.mgrid[0:h, 0:w] * (res / 10.0)
    return (300 + 150 * b + 200 * (np.sin(x / 17.0 + b) * np.cos(y / 23.0) + 1) + 2 * x).astype(np.float64)


def jp2(path, a, res, dtype=gdal.GDT_UInt16):
    mem = gdal.GetDriverByName("MEM").Create("", a.shape[1], a.shape[0], 1, dtype)
    mem.SetGeoTransform([ULX, res, 0, ULY, 0, -res])
    mem.SetProjection(srs.ExportToWkt())
    mem.GetRasterBand(1).WriteArray(a)
    gdal.GetDriverByName("JP2OpenJPEG").CreateCopy(path, mem, options=["REVERSIBLE=YES", "QUALITY=100", "BLOCKXSIZE=128", "BLOCKYSIZE=64"])


TEN = ["B02", "B03", "B04", "B08"]
TWENTY = ["B05", "B06", "B07", "B8A", "B11", "B12"]


def product(name, baseline, offset, start=None):
    root = os.path.join(out, name)
    granule = os.path.join(root, "GRANULE", "L2A_T33TUN_A000001_20230601T100000")
    for r in ("R10m", "R20m", "R60m"):
        os.makedirs(os.path.join(granule, "IMG_DATA", r), exist_ok=True)
    for i, b in enumerate(TEN + TWENTY):
        res = 10 if b in TEN else 20
        w, h = W * 10 // res, H * 10 // res
        dn = np.round(field(i, w, h, res) + offset).astype(np.uint16)
        jp2(os.path.join(granule, "IMG_DATA", f"R{res}m", f"T33TUN_20230601T100000_{b}_{res}m.jp2"), dn, res)
    scl = np.full((H // 2, W // 2), 4, dtype=np.uint8)
    scl[10:18, 20:30] = 9
    jp2(os.path.join(granule, "IMG_DATA", "R20m", "T33TUN_20230601T100000_SCL_20m.jp2"), scl, 20, gdal.GDT_Byte)
    start_time = f"<PRODUCT_START_TIME>{start}</PRODUCT_START_TIME>" if start else ""
    offsets = "".join(f'<BOA_ADD_OFFSET band_id="{i}">{-offset}</BOA_ADD_OFFSET>' for i in range(13)) if offset else ""
    with open(os.path.join(root, "MTD_MSIL2A.xml"), "w") as f:
        f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<n1:Level-2A_User_Product xmlns:n1="https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-2A.xsd">
 <n1:General_Info><Product_Info>{start_time}<PROCESSING_BASELINE>{baseline}</PROCESSING_BASELINE>
  <PROCESSING_LEVEL>Level-2A</PROCESSING_LEVEL></Product_Info>
  <Product_Image_Characteristics><QUANTIFICATION_VALUES_LIST>
   <BOA_QUANTIFICATION_VALUE unit="none">10000</BOA_QUANTIFICATION_VALUE>
  </QUANTIFICATION_VALUES_LIST>
  <BOA_ADD_OFFSET_VALUES_LIST>{offsets}</BOA_ADD_OFFSET_VALUES_LIST></Product_Image_Characteristics>
 </n1:General_Info>
</n1:Level-2A_User_Product>
""")
    geo = "".join(f"<Geoposition resolution=\"{r}\"><ULX>{ULX:.0f}</ULX><ULY>{ULY:.0f}</ULY><XDIM>{r}</XDIM><YDIM>-{r}</YDIM></Geoposition>" for r in (10, 20, 60))
    with open(os.path.join(granule, "MTD_TL.xml"), "w") as f:
        f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<n1:Level-2A_Tile_ID xmlns:n1="https://psd-14.sentinel2.eo.esa.int/PSD/S2_PDI_Level-2A_Tile_Metadata.xsd">
 <n1:General_Info><SENSING_TIME metadataLevel="Standard">2023-06-01T10:07:43.456Z</SENSING_TIME></n1:General_Info>
 <n1:Geometric_Info><Tile_Geocoding metadataLevel="Brief">
  <HORIZONTAL_CS_NAME>WGS84 / UTM zone 33N</HORIZONTAL_CS_NAME><HORIZONTAL_CS_CODE>EPSG:32633</HORIZONTAL_CS_CODE>
  <Size resolution="10"><NROWS>{H}</NROWS><NCOLS>{W}</NCOLS></Size>{geo}
 </Tile_Geocoding></n1:Geometric_Info>
</n1:Level-2A_Tile_ID>
""")
    return root


new = product("S2B_MSIL2A_20230601T100000_N0509_R122_T33TUN_20230601T120000.SAFE", "05.09", 1000, "2023-06-01T10:00:00.024Z")
product("old.SAFE", "03.01", 0)
shutil.make_archive(os.path.join(out, "product"), "zip", out, os.path.basename(new))

truth = gdal.GetDriverByName("GTiff").Create(os.path.join(out, "truth.tif"), W, H, 4, gdal.GDT_Float32)
truth.SetGeoTransform([ULX, 10, 0, ULY, 0, -10])
truth.SetProjection(srs.ExportToWkt())
for i in range(4):
    truth.GetRasterBand(i + 1).WriteArray(np.round(field(i, W, H, 10)))
truth = None

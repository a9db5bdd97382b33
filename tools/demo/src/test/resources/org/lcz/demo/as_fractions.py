"""Copies an MSMLA patch set with its patches as reflectance fractions (So2Sat LCZ42's convention).

usage: as_fractions.py IN.h5 OUT.h5  (sen2 ÷ 10 000 as float32; label and every other data set as is)
"""
import sys

import h5py
import numpy as np

with h5py.File(sys.argv[1], "r") as src, h5py.File(sys.argv[2], "w") as dst:
    for name, data in src.items():
        values = data[()]
        if name == "sen2":
            values = (values.astype(np.float64) / 10000).astype(np.float32)
        dst.create_dataset(name, data=values)

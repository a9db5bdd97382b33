"""Writes HDF5 patch data sets the way published LCZ data sets are written (h5py, chunked, gzip,
float64), plus malformed ones. Usage: make_patch_sets.py OUT_DIR. Prints per-band statistics of
good_msmla.h5 (numpy) as JSON on stdout."""
import json
import sys

import h5py
import numpy as np

out = sys.argv[1]
CLASSES = 17


def pixels(n, size, bands):
    # value = patch·100 + band + (y·size + x) / 10000: every value tells where it came from
    i = np.arange(n, dtype=np.float64)[:, None, None, None] * 100
    c = np.arange(bands, dtype=np.float64)[None, None, None, :]
    yx = (np.arange(size)[:, None] * size + np.arange(size)[None, :]) / 10000.0
    return i + c + yx[None, :, :, None]


def one_hot(n):
    labels = np.zeros((n, CLASSES), dtype=np.float64)
    labels[np.arange(n), np.arange(n) % CLASSES] = 1
    return labels


def write(name, **datasets):
    with h5py.File(f"{out}/{name}", "w") as f:
        for key, data in datasets.items():
            chunks = (min(8, data.shape[0]),) + data.shape[1:] if data.ndim > 1 else None
            f.create_dataset(key, data=data, chunks=chunks, compression="gzip", compression_opts=4)


good = pixels(40, 48, 10)
write("good_msmla.h5", sen2=good, label=one_hot(40))
write("good_so2sat.h5", sen1=pixels(20, 32, 8), sen2=pixels(20, 32, 10), label=one_hot(20))
write("missing_label.h5", sen2=pixels(4, 48, 10))
write("wrong_rank.h5", sen2=pixels(4, 48, 10)[:, :, :, 0], label=one_hot(4))
two_hot = one_hot(6)
two_hot[3, 5] = 1
write("not_one_hot.h5", sen2=pixels(6, 48, 10), label=two_hot)
nan = pixels(6, 48, 10)
nan[2, 7, 9, 3] = np.nan
write("nan.h5", sen2=nan, label=one_hot(6))
write("tiny.h5", sen2=pixels(3, 48, 10), label=one_hot(3))
# degenerate sets of more than one batch (32): refused for what they are, not for their size
write("constant_40.h5", sen2=np.zeros((40, 48, 48, 10)), label=one_hot(40))
one_class = np.zeros((40, CLASSES))
one_class[:, 4] = 1
write("one_class_40.h5", sen2=good, label=one_class)
nan_40 = good.copy()
nan_40[35, 7, 9, 3] = np.nan
write("nan_40.h5", sen2=nan_40, label=one_hot(40))
inf_40 = good.copy()
inf_40[20, 1, 2, 0] = np.inf
write("inf_40.h5", sen2=inf_40, label=one_hot(40))
write("float32.h5", sen2=pixels(5, 48, 10).astype(np.float32), label=one_hot(5).astype(np.float32))


def write_contiguous(name, **datasets):
    # as this platform writes its sets: contiguous, no compression (read straight from the file)
    with h5py.File(f"{out}/{name}", "w") as f:
        for key, data in datasets.items():
            f.create_dataset(key, data=data)


write_contiguous("contiguous_f64.h5", sen2=good, label=one_hot(40))
write_contiguous("contiguous_f32.h5", sen2=good.astype(np.float32), label=one_hot(40))
big_endian = good.astype(">f4")
write_contiguous("contiguous_f32_be.h5", sen2=big_endian, label=one_hot(40))
write_contiguous("contiguous_nan.h5", sen2=nan, label=one_hot(6))
write_contiguous("contiguous_cut.h5", label=one_hot(12), sen2=pixels(12, 48, 10).astype(np.float32))
with open(f"{out}/contiguous_cut.h5", "r+b") as f:
    f.truncate(f.seek(0, 2) - 48 * 48 * 10 * 4 * 3)  # the last three patches cut off

print(json.dumps({"means": good.mean(axis=(0, 1, 2)).tolist(), "stds": good.std(axis=(0, 1, 2)).tolist()}))

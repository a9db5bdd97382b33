"""Writes small, learnable LCZ patch data sets in the MSMLA layout the way real ones are written
(h5py, float64, chunked, gzip): train.h5, val.h5, test.h5.

Usage: make_learnable_sets.py OUT_DIR [PATCH] [TRAIN_N]

Six of the 17 classes occur, with unequal support (to exercise class weights). Each class has its
own spectral signature over the ten Sentinel-2 bands and its own texture (a blob pattern of
class-specific density); pixels carry reflectance-like offsets and noise, so the network has to
learn from normalised inputs and cannot read the class off a single pixel."""
import sys

import h5py
import numpy as np

out = sys.argv[1]
PATCH = int(sys.argv[2]) if len(sys.argv) > 2 else 16
TRAIN_N = int(sys.argv[3]) if len(sys.argv) > 3 else 480
BANDS = 10
CLASSES = 17
USED = np.array([1, 5, 8, 10, 13, 16])  # class indices (0-based) that occur
SHARE = np.array([3, 1, 2, 1, 2, 1], dtype=np.float64)

signature_rng = np.random.default_rng(1234)
SIGNATURES = signature_rng.normal(0, 1, size=(len(USED), BANDS))
DENSITY = np.linspace(0.05, 0.6, len(USED))
BASELINE = np.linspace(800, 2600, BANDS)


def make(n, seed):
    rng = np.random.default_rng(seed)
    which = rng.choice(len(USED), size=n, p=SHARE / SHARE.sum())
    noise = rng.normal(0, 1.2, size=(n, PATCH, PATCH, BANDS))
    blobs = (rng.random(size=(n, PATCH, PATCH, 1)) < DENSITY[which][:, None, None, None]) * 1.0
    signal = SIGNATURES[which][:, None, None, :] * 0.8 + blobs * 0.8
    images = BASELINE + 300 * (signal + noise)
    labels = np.zeros((n, CLASSES))
    labels[np.arange(n), USED[which]] = 1
    return images, labels


def write(name, images, labels):
    rows = min(16, len(images))  # a chunk holds at most the whole set
    with h5py.File(f"{out}/{name}", "w") as f:
        f.create_dataset("sen2", data=images, chunks=(rows, PATCH, PATCH, BANDS),
                         compression="gzip", compression_opts=4)
        f.create_dataset("label", data=labels, chunks=(rows, CLASSES),
                         compression="gzip", compression_opts=4)


write("train.h5", *make(TRAIN_N, 1))
write("val.h5", *make(TRAIN_N // 3, 2))
write("test.h5", *make(TRAIN_N // 3, 3))

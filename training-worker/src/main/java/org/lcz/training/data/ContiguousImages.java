package org.lcz.training.data;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The images of a patch set stored contiguously and unfiltered (as this platform writes them), read
 * straight from the file: one positional read per batch. jHDF's slice reader issues one read per
 * innermost row of a few channels — tens of thousands of reads per batch, a fifth of the training
 * time on this project's machines — so it is kept for chunked and compressed files (h5py's) only.
 */
final class ContiguousImages implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final long address;
  private final ByteOrder order;
  private final int valueBytes;
  private ByteBuffer buffer = ByteBuffer.allocate(0);

  private ContiguousImages(
      Path file, FileChannel channel, long address, ByteOrder order, int valueBytes) {
    this.file = file;
    this.channel = channel;
    this.address = address;
    this.order = order;
    this.valueBytes = valueBytes;
  }

  /**
   * The direct reader of {@code images}, or null when they are chunked, filtered or not plain IEEE
   * floats (jHDF reads those).
   */
  static ContiguousImages of(Path file, Dataset images) {
    if (!(images instanceof ContiguousDataset d)
        || images.isCompound()
        || !(images.getDataType() instanceof FloatingPoint f)
        || (f.getSize() != 4 && f.getSize() != 8)
        || d.getDataAddress() < 0) {
      return null;
    }
    try {
      return new ContiguousImages(
          file,
          FileChannel.open(file, StandardOpenOption.READ),
          d.getDataAddress(),
          f.getByteOrder(),
          f.getSize());
    } catch (IOException | RuntimeException e) {
      return null; // jHDF's own reader will report what is wrong
    }
  }

  /** Patches {@code start} … {@code start + count − 1} as (patch, row, column, channel) values. */
  PatchDataset.Sample read(long start, int count, int bands, int patch) {
    int row = patch * bands;
    int plane = patch * row;
    long bytes = (long) count * plane * valueBytes;
    if (buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocateDirect((int) bytes);
    }
    buffer.clear().limit((int) bytes);
    long at = address + start * plane * valueBytes;
    try {
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, at);
        if (n < 0) {
          throw new DatasetException(
              file,
              "cannot read patches "
                  + start
                  + "–"
                  + (start + count - 1)
                  + ": the file ends early (it is truncated)");
        }
        at += n;
      }
    } catch (IOException e) {
      throw new DatasetException(file, "cannot read patches " + start + ": " + e.getMessage(), e);
    }
    buffer.flip().order(order);
    if (valueBytes == 4) {
      FloatBuffer v = buffer.asFloatBuffer();
      return (n, y, x, c) -> v.get(n * plane + y * row + x * bands + c);
    }
    DoubleBuffer v = buffer.asDoubleBuffer();
    return (n, y, x, c) -> (float) v.get(n * plane + y * row + x * bands + c);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was written; a failing close loses nothing
    }
  }
}

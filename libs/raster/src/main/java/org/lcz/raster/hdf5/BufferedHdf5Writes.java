package org.lcz.raster.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.WritableHdfFile;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * jHDF's HDF5 writer with its writes gathered: jHDF 0.13 (the newest on Maven Central) writes an
 * N-dimensional float array with one file write per innermost array — for an N × 48 × 48 × 10 patch
 * set that is N × 2,304 writes of 40 bytes, 17.7 million for the demo's sets, about half of their
 * build time here. The writer's channel is swapped (reflection on its private field) for one that
 * collects consecutive writes into 4 MB blocks; the bytes and their places in the file are the ones
 * jHDF writes ({@code BufferedHdf5WritesTest} compares the files). Should a later jHDF rename the
 * field, the writer is used as it is, unbuffered, and says so once.
 */
public final class BufferedHdf5Writes {
  private static final Logger LOG = Logger.getLogger(BufferedHdf5Writes.class.getName());
  private static final int BLOCK = 4 << 20;
  private static volatile boolean warned;

  private BufferedHdf5Writes() {}

  /** A writer of {@code file} whose writes are gathered (or jHDF's own if that cannot be done). */
  public static WritableHdfFile open(Path file) {
    WritableHdfFile h5 = HdfFile.write(file);
    try {
      Field field = WritableHdfFile.class.getDeclaredField("hdfFileChannel");
      field.setAccessible(true);
      HdfFileChannel own = (HdfFileChannel) field.get(h5);
      field.set(h5, new Gathering(own.getFileChannel(), own.getSuperblock()));
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.warning("HDF5 writes are not gathered (jHDF's writer changed: " + e + "); slower");
      }
    }
    return h5;
  }

  /**
   * Collects writes at consecutive positions into one block, written when a write goes elsewhere,
   * the block is full, or anything asks the file itself (size, position, the channel).
   */
  static final class Gathering extends HdfFileChannel {
    private final FileChannel fc;
    private final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
    private long blockStart = -1;

    Gathering(FileChannel fc, Superblock superblock) {
      super(fc, superblock);
      this.fc = fc;
    }

    @Override
    public int write(ByteBuffer src) {
      try {
        if (blockStart < 0) {
          blockStart = fc.position();
        }
        int n = src.remaining();
        while (src.hasRemaining()) {
          if (!block.hasRemaining()) {
            drain();
            blockStart = fc.position();
          }
          int take = Math.min(block.remaining(), src.remaining());
          ByteBuffer part = src.slice();
          part.limit(take);
          block.put(part);
          src.position(src.position() + take);
        }
        return n;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public int write(ByteBuffer src, long position) {
      drainQuietly();
      return super.write(src, position);
    }

    @Override
    public void position(long position) {
      drainQuietly();
      super.position(position);
    }

    @Override
    public long size() {
      drainQuietly();
      return super.size();
    }

    @Override
    public FileChannel getFileChannel() {
      drainQuietly();
      return fc;
    }

    @Override
    public ByteBuffer readBufferFromAddress(long address, int length) {
      drainQuietly();
      return super.readBufferFromAddress(address, length);
    }

    @Override
    public ByteBuffer map(long address, long length) {
      drainQuietly();
      return super.map(address, length);
    }

    private void drainQuietly() {
      try {
        drain();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Writes the block where it started and leaves the channel's position after it. */
    private void drain() throws IOException {
      if (blockStart < 0) {
        return;
      }
      block.flip();
      long at = blockStart;
      while (block.hasRemaining()) {
        at += fc.write(block, at);
      }
      fc.position(at);
      block.clear();
      blockStart = -1;
    }
  }
}

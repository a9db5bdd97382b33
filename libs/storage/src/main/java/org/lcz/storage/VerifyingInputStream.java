package org.lcz.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes an object's bytes through and, when the end is reached, compares their SHA-256 with the
 * one it was stored with; a difference is a {@link ChecksumMismatchException} from the read that
 * hits the end. A stream closed before the end is not checked.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final ObjectRef ref;
  private final String expected;
  private final MessageDigest digest = Sha256.newDigest();
  private long bytes;
  private boolean verified;

  VerifyingInputStream(InputStream in, ObjectRef ref, String expectedSha256) {
    super(in);
    this.ref = ref;
    this.expected = expectedSha256;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      verify();
    } else {
      digest.update((byte) b);
      bytes++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      verify();
    } else {
      digest.update(buffer, offset, n);
      bytes += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be digested, so read them.
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verify() throws IOException {
    if (verified) {
      return;
    }
    verified = true;
    String actual = Sha256.hex(digest);
    if (!actual.equals(expected)) {
      throw new ChecksumMismatchException(ref, expected, actual, bytes);
    }
  }
}

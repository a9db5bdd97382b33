package org.lcz.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as the platform writes them: lower-case hex. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 digest. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** Lower-case hex of a finished digest. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of some bytes. */
  public static String of(byte[] bytes) {
    MessageDigest d = newDigest();
    d.update(bytes);
    return hex(d);
  }

  /** The SHA-256 of a file, read as a stream. */
  public static String of(Path file) {
    MessageDigest d = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return hex(d);
  }
}

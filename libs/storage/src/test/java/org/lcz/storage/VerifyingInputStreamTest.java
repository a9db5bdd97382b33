package org.lcz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
  private static final ObjectRef REF = ObjectRef.of("b", "k");
  private final byte[] content = "the LCZ map of somewhere".getBytes();

  @Test
  void passesIntactContentThrough() throws Exception {
    try (InputStream in = verifying(content, Sha256.of(content))) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void truncatedContentFailsAtTheEnd() {
    byte[] truncated = Arrays.copyOf(content, content.length - 3);
    InputStream in = verifying(truncated, Sha256.of(content));
    assertThatThrownBy(in::readAllBytes)
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageContaining("s3://b/k")
        .hasMessageContaining("corrupt or truncated")
        .hasMessageContaining((truncated.length) + " bytes");
  }

  @Test
  void corruptedContentFailsAlsoWhenReadByteByByte() {
    byte[] corrupt = content.clone();
    corrupt[4] ^= 1;
    InputStream in = verifying(corrupt, Sha256.of(content));
    assertThatThrownBy(
            () -> {
              while (in.read() >= 0) {
                // drain
              }
            })
        .isInstanceOf(ChecksumMismatchException.class);
  }

  @Test
  void skippedBytesAreStillVerified() {
    byte[] corrupt = content.clone();
    corrupt[1] ^= 1;
    InputStream in = verifying(corrupt, Sha256.of(content));
    assertThatThrownBy(
            () -> {
              in.skip(5);
              in.readAllBytes();
            })
        .isInstanceOf(ChecksumMismatchException.class);
  }

  private static InputStream verifying(byte[] bytes, String sha) {
    return new VerifyingInputStream(new ByteArrayInputStream(bytes), REF, sha);
  }
}

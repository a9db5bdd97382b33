package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TiffDirectoryTest {
  @Test
  void entriesComeOutInTagOrderWithLongValuesAfterTheDirectoryOnWordBoundaries() {
    TiffDirectory d =
        new TiffDirectory()
            .ascii(42113, "255")
            .longs(256, 7)
            .ascii(270, "odd")
            .shorts(258, 8, 8, 8);
    byte[] bytes = d.bytes(100, 0);
    assertThat((long) bytes.length).isEqualTo(d.size());
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getShort(0)).isEqualTo((short) 4);
    int[] tags = new int[4];
    for (int i = 0; i < 4; i++) {
      tags[i] = b.getShort(2 + 12 * i) & 0xFFFF;
    }
    assertThat(tags).containsExactly(256, 258, 270, 42113);
    // 258: three shorts (6 bytes) out of line right after the directory (2 + 4·12 + 4 = 54 bytes)
    assertThat(b.getInt(2 + 12 + 8)).isEqualTo(100 + 54);
    // 270: "odd\0" fits in the entry; 42113: "255\0" too
    assertThat(new String(bytes, 2 + 24 + 8, 3)).isEqualTo("odd");
    assertThat(b.getShort(54) & 0xFFFF).isEqualTo(8);
    assertThat(b.getInt(2 + 12 * 4)).isZero(); // no next directory
  }

  @Test
  void aTagSetAgainKeepsTheLastValueAndTheSize() {
    TiffDirectory d = new TiffDirectory().longs(324, 0, 0, 0).ascii(305, "lcz");
    long size = d.size();
    d.longs(324, 11, 22, 33);
    byte[] bytes = d.bytes(8, 4242);
    assertThat((long) bytes.length).isEqualTo(size);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int valuesAt = b.getInt(2 + 12 + 8) - 8;
    assertThat(b.getInt(valuesAt)).isEqualTo(11);
    assertThat(b.getInt(valuesAt + 8)).isEqualTo(33);
    assertThat(b.getInt(2 + 12 * 2)).isEqualTo(4242);
  }

  @Test
  void oddLengthValuesArePaddedSoTheNextStartsOnAWord() {
    TiffDirectory d = new TiffDirectory().ascii(270, "abcde").ascii(305, "fghij");
    byte[] bytes = d.bytes(0, 0);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int first = b.getInt(2 + 8);
    int second = b.getInt(2 + 12 + 8);
    assertThat(second - first).isEqualTo(6); // "abcde\0" is 6 bytes, already even
    assertThat(new String(bytes, second, 5)).isEqualTo("fghij");
    TiffDirectory odd = new TiffDirectory().ascii(270, "abcdef").ascii(305, "g");
    ByteBuffer o = ByteBuffer.wrap(odd.bytes(0, 0)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(o.getInt(2 + 8) % 2).isZero();
    assertThat((long) odd.bytes(0, 0).length).isEqualTo(odd.size());
  }
}

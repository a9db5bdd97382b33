package org.lcz.raster.hdf5;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferedHdf5WritesTest {
  @TempDir Path dir;

  @Test
  void gatheredWritesGiveTheFileJhdfWritesByItself() throws Exception {
    Random random = new Random(4);
    // more than one 4 MB block of tiny innermost arrays, then small data sets after it
    float[][][][] sen2 = new float[500][48][48][10];
    for (float[][][] p : sen2) {
      for (float[][] row : p) {
        for (float[] px : row) {
          for (int b = 0; b < px.length; b++) {
            px[b] = random.nextFloat();
          }
        }
      }
    }
    float[][] label = new float[500][17];
    int[] area = new int[500];
    for (int i = 0; i < 500; i++) {
      label[i][i % 17] = 1;
      area[i] = i / 3;
    }
    Path plain = dir.resolve("plain.h5");
    Path gathered = dir.resolve("gathered.h5");
    try (WritableHdfFile h5 = HdfFile.write(plain)) {
      h5.putDataset("sen2", sen2);
      h5.putDataset("label", label);
      h5.putDataset("area", area);
    }
    try (WritableHdfFile h5 = BufferedHdf5Writes.open(gathered)) {
      Field f = WritableHdfFile.class.getDeclaredField("hdfFileChannel");
      f.setAccessible(true);
      assertThat(f.get(h5)).isInstanceOf(BufferedHdf5Writes.Gathering.class);
      h5.putDataset("sen2", sen2);
      h5.putDataset("label", label);
      h5.putDataset("area", area);
    }
    assertThat(Files.readAllBytes(gathered)).isEqualTo(Files.readAllBytes(plain));
    try (HdfFile h5 = new HdfFile(gathered)) {
      float[][][][] back = (float[][][][]) h5.getDatasetByPath("sen2").getData();
      assertThat(back[499][47][47]).containsExactly(sen2[499][47][47]);
    }
  }
}

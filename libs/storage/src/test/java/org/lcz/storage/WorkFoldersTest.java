package org.lcz.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFoldersTest {
  @Test
  void aFolderGoesWithEverythingInItAndAMissingOneIsNoProblem(@TempDir Path dir) throws Exception {
    Path job = Files.createDirectories(dir.resolve("job/part-0/deep"));
    Files.writeString(job.resolve("a.tif"), "x");
    Files.writeString(dir.resolve("job/b.h5"), "y");
    assertThat(WorkFolders.delete(dir.resolve("job"))).isEmpty();
    assertThat(dir.resolve("job")).doesNotExist();
    assertThat(WorkFolders.delete(dir.resolve("never"))).isEmpty();
  }

  @Test
  void whatCannotBeDeletedIsReported(@TempDir Path dir) throws Exception {
    Path locked = Files.createDirectories(dir.resolve("job/locked"));
    Files.writeString(locked.resolve("f"), "x");
    locked.toFile().setWritable(false);
    try {
      // root may delete anyway; only a folder that stays must be reported
      var problem = WorkFolders.delete(dir.resolve("job"));
      assertThat(problem.isPresent()).isEqualTo(Files.exists(dir.resolve("job")));
    } finally {
      locked.toFile().setWritable(true);
    }
  }
}

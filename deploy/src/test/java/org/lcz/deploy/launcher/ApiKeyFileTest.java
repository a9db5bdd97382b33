package org.lcz.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyFileTest {
  @Test
  void aKeyIsMadeOnceKeptForItsOwnerAndReused(@TempDir Path data) throws Exception {
    String key = ApiKeyFile.keyFor(data);
    assertThat(key).startsWith("lcz-").hasSize(4 + 32);
    Path file = ApiKeyFile.file(data);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ApiKeyFile.keyFor(data)).isEqualTo(key);
    assertThat(ApiKeyFile.keyFor(data.resolve("other"))).isNotEqualTo(key);
  }
}

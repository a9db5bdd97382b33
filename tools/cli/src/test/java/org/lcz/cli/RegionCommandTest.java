package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionCommandTest {
  private static final Path NO_KEY = Path.of("no-such-dir/api-key");

  @Test
  void usageErrorsSayWhatToGive() {
    assertThatThrownBy(() -> RegionCommand.run(List.of(), null, NO_KEY))
        .isInstanceOf(RegionCommand.UsageException.class)
        .hasMessageContaining("give a command");
    assertThatThrownBy(() -> RegionCommand.run(List.of("define", "porto"), null, NO_KEY))
        .isInstanceOf(RegionCommand.UsageException.class)
        .hasMessageContaining("--bbox W,S,E,N or --outline");
    assertThatThrownBy(
            () -> RegionCommand.run(List.of("define", "p", "--bbox", "1,2,3"), null, NO_KEY))
        .hasMessageContaining("--bbox is west,south,east,north");
    assertThatThrownBy(() -> RegionCommand.run(List.of("change", "p", "v1"), null, NO_KEY))
        .hasMessageContaining("change NAME vA vB");
    assertThatThrownBy(() -> RegionCommand.run(List.of("show"), null, NO_KEY))
        .hasMessageContaining("show takes the region's name");
    assertThatThrownBy(() -> RegionCommand.run(List.of("rename", "p"), null, NO_KEY))
        .hasMessageContaining("unknown command rename");
  }

  @Test
  void aPlatformThatIsNotUpIsSaidSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    String url = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> RegionCommand.run(List.of("list", "--url", url), "k", NO_KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the ingest service does not answer at " + url + " (is ./lcz up running?)");
  }
}

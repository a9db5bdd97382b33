package org.lcz.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lcz.scheme.LczMapFile;

/**
 * The arguments of the commands on LCZ map files ({@code filter}, {@code change}): the files, and
 * {@code --band N|NAME} and {@code --metres nominal|latitude}.
 *
 * @param band the band to read (null: the band named {@code lcz}, else band 1)
 */
record MapArguments(List<String> files, String band, LczMapFile.Metres metres) {

  /**
   * Parses {@code args}.
   *
   * @param usage makes the command's usage error from a message
   */
  static MapArguments parse(List<String> args, Function<String, RuntimeException> usage) {
    List<String> files = new ArrayList<>();
    String band = null;
    LczMapFile.Metres metres = LczMapFile.Metres.NOMINAL;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--band") || a.equals("--metres")) {
        if (i + 1 >= args.size()) {
          throw usage.apply(a + " needs a value");
        }
        String v = args.get(++i);
        if (a.equals("--band")) {
          band = v;
        } else {
          try {
            metres = LczMapFile.Metres.of(v);
          } catch (IllegalArgumentException e) {
            throw usage.apply(e.getMessage());
          }
        }
      } else if (a.startsWith("--")) {
        throw usage.apply("unknown option " + a);
      } else {
        files.add(a);
      }
    }
    return new MapArguments(List.copyOf(files), band, metres);
  }
}

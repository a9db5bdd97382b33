package org.lcz.ingest.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lcz.storage.MediaTypes;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * An object of the store streamed as a response, typed by its file name; whole, or one HTTP byte
 * range of it (206 with {@code Content-Range}; 416 for a range outside it).
 */
final class StoredFiles {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private StoredFiles() {}

  /**
   * The object whole (200) or the one range {@code rangeHeader} asks for (206); a header this does
   * not read (several ranges, other units) gets the whole object, as HTTP allows.
   */
  static Response ranged(ObjectStore store, ObjectInfo info, String rangeHeader) {
    long size = info.size();
    Matcher m = rangeHeader == null ? null : RANGE.matcher(rangeHeader.trim());
    if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return ok(store, info.ref())
          .header("Accept-Ranges", "bytes")
          .header("Content-Length", size)
          .build();
    }
    long first;
    long last;
    if (m.group(1).isEmpty()) { // the last n bytes
      long n = Long.parseLong(m.group(2));
      first = Math.max(0, size - n);
      last = size - 1;
    } else {
      first = Long.parseLong(m.group(1));
      last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
    }
    if (first >= size || last < first) {
      return Response.status(416).header("Content-Range", "bytes */" + size).build();
    }
    long length = last - first + 1;
    return Response.status(206)
        .entity(
            (StreamingOutput)
                out -> {
                  try (InputStream in = store.get(info.ref(), first, length)) {
                    in.transferTo(out);
                  }
                })
        .type(MediaTypes.of(info.ref().fileName()))
        .header("Accept-Ranges", "bytes")
        .header("Content-Range", "bytes " + first + "-" + last + "/" + size)
        .header("Content-Length", length)
        .build();
  }

  /** A 200 that streams {@code ref} from {@code store}. */
  static Response.ResponseBuilder ok(ObjectStore store, ObjectRef ref) {
    return Response.ok(
            (StreamingOutput)
                out -> {
                  try (InputStream in = store.get(ref)) {
                    in.transferTo(out);
                  }
                })
        .type(MediaTypes.of(ref.fileName()));
  }
}

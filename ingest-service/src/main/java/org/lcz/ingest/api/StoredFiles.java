package org.lcz.ingest.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.lcz.storage.MediaTypes;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** An object of the store streamed as a response, typed by its file name. */
final class StoredFiles {
  private StoredFiles() {}

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

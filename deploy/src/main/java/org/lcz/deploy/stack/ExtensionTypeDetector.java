package org.lcz.deploy.stack;

import java.nio.file.Path;
import java.nio.file.spi.FileTypeDetector;
import org.lcz.storage.MediaTypes;

/**
 * The embedded S3 server's answer to "what type is this object?" for objects stored without one (a
 * file copied into the data folder, a {@code curl -T} upload): by the name's extension ({@link
 * MediaTypes}), never by reading the file. s3proxy asks {@link
 * java.nio.file.Files#probeContentType}, whose first installed detector that answers wins; without
 * this one, Apache SIS's detector (on the classpath for the rasters) probed the file with image
 * readers and failed on files under 8 bytes, and the server answered HTTP 500 to HEAD and GET.
 * Registered in {@code META-INF/services} of this module, which comes first on the launcher's
 * classpath; it always answers, so no detector after it is asked.
 */
public final class ExtensionTypeDetector extends FileTypeDetector {
  @Override
  public String probeContentType(Path path) {
    Path name = path.getFileName();
    return MediaTypes.of(name == null ? "" : name.toString());
  }
}

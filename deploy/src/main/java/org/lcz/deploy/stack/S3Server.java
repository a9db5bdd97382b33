package org.lcz.deploy.stack;

import java.net.URI;

/** The local stack's S3 server, in this process or in a child process of its own. */
public interface S3Server extends AutoCloseable {
  /** Where clients reach it. */
  URI endpoint();

  /** Stops it; the objects stay in its folder. */
  @Override
  void close();
}

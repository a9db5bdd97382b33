/** Training areas to training data: {@code ./lcz patches}. */
package org.lcz.ingest.areas;

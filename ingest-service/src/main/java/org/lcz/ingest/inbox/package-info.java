/** Scenes dropped into the inbox: found, ingested once, announced. */
package org.lcz.ingest.inbox;

/**
 * The live event stream of the web page and {@code GET /events}: what each platform event tells a
 * watcher, broadcast to every subscriber (server-sent events).
 */
package org.lcz.ingest.live;

/**
 * The scene-source seam: each inbox format (GeoTIFF, {@code scene.json}, STAC Item, SAFE) is one
 * {@link org.lcz.ingest.source.SceneFormat} that turns an inbox object into a {@link
 * org.lcz.ingest.source.SceneSource}; {@link org.lcz.ingest.source.SceneFormats} resolves which.
 */
package org.lcz.ingest.source;

/**
 * The platform's maps and models as STAC: an index of every STAC Item the platform has made (scene
 * maps, region map versions, model versions), fed by the platform's events ({@link StacFeed}),
 * searched by {@link StacQuery} ({@link StacCatalogue}) and served as a STAC API at {@code /stac}
 * ({@link StacResource}).
 */
package org.lcz.ingest.stac;

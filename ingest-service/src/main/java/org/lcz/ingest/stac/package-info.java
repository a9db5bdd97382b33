/**
 * The STAC API's feed: the platform's events turned into the {@code stac} library's index and
 * static catalog ({@link StacFeed}); the API itself is {@code api.StacResource}.
 */
package org.lcz.ingest.stac;

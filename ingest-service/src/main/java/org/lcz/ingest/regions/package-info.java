/**
 * Regions at the REST door: their definitions ({@link org.lcz.ingest.regions.RegionRequest}), what
 * is known of each (members, versions, coverage; {@link org.lcz.ingest.regions.RegionsView}) and
 * the change between two versions ({@link org.lcz.ingest.regions.RegionChange}).
 */
package org.lcz.ingest.regions;

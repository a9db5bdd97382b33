/** The ingest service: scenes in, georeferenced tiles and tile events out. */
package org.lcz.ingest;

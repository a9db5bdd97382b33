/** Typed configuration of the ingest service. */
package org.lcz.ingest.config;

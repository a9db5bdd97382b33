/** The REST API: scene uploads and registrations, scene status, training requests. */
package org.lcz.ingest.api;

/** Where each scene is, from ingestion's status objects and inference's map events. */
package org.lcz.ingest.status;

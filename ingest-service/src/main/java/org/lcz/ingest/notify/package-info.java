/** MinIO's bucket notifications of the inbox, read from Kafka. */
package org.lcz.ingest.notify;

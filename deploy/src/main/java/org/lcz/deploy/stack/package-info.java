/** A real Kafka broker (KRaft) and a real S3 server, started in-process on loopback. */
package org.lcz.deploy.stack;

/** Readiness: a service is ready only when Kafka and S3 answer. */
package org.lcz.service.health;

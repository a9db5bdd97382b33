/**
 * Kafka edges shared by all modules: topic names and specs, topic provisioning, event publishing.
 */
package org.lcz.messaging;

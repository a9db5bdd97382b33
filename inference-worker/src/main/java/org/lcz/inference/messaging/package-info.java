/** Kafka edges: the tile loop, the scene-assembly loop and the model refresher. */
package org.lcz.inference.messaging;

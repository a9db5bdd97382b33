/** Typed configuration of the training worker. */
package org.lcz.training.config;

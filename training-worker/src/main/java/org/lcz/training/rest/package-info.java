/** The training worker's REST reads: {@code GET /status}. */
package org.lcz.training.rest;

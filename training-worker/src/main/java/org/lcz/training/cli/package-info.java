/** The training worker's commands for a person at a terminal ({@code ./lcz summary}, …). */
package org.lcz.training.cli;

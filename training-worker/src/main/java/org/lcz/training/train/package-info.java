/** The training loop: batches, augmentation, loss, schedule, early stopping, evaluation. */
package org.lcz.training.train;

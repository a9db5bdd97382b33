/** The model card (model.json) and the PNG plots that document a trained model. */
package org.lcz.training.card;

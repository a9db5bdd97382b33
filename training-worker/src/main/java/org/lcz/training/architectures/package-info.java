/**
 * The registry of network architectures: which families and variants the training worker can train,
 * export and describe. Adding an architecture: its own package under {@code org.lcz.training.model}
 * and one line in {@link org.lcz.training.architectures.Architectures}.
 */
package org.lcz.training.architectures;

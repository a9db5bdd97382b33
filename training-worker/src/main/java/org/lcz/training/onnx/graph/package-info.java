/**
 * The ONNX graph a network's blocks write themselves into (nodes, initialisers, names), with no
 * knowledge of any network: the blocks of {@code org.lcz.training.model} use it, the exporter of
 * {@code org.lcz.training.onnx} serialises it.
 */
package org.lcz.training.onnx.graph;

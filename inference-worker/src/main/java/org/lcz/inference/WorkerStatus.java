package org.lcz.inference;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an inference worker is doing.
 *
 * @param modelVersion the version mapping tiles (or prepared to); null before any was promoted
 * @param device where the model runs and why
 * @param consuming whether the worker consumes tiles (it waits for a model first)
 * @param tilesMapped tiles this worker mapped since it started
 * @param scenesAssembled scene maps this worker assembled since it started
 * @param modelProblem why the latest promoted version could not be used, if it could not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerStatus(
    String modelVersion,
    String device,
    boolean consuming,
    long tilesMapped,
    int scenesAssembled,
    String modelProblem) {}

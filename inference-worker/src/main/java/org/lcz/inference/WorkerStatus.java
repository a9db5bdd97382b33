package org.lcz.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an inference worker is doing.
 *
 * @param modelVersion the version mapping tiles (or prepared to); null before any was promoted
 * @param device where the model runs and why
 * @param consuming whether the worker consumes tiles (it waits for a model first)
 * @param tilesMapped tiles this worker mapped since it started
 * @param scenesAssembled scene maps this worker assembled since it started
 * @param regionVersions region map versions this worker made and announced since it started
 * @param regionPartitions the partitions of {@code lcz.region-maps} it owns: it makes the versions
 *     of the regions keyed to them
 * @param modelProblem why the latest promoted version could not be used, if it could not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerStatus(
    String modelVersion,
    String device,
    boolean consuming,
    long tilesMapped,
    int scenesAssembled,
    int regionVersions,
    List<Integer> regionPartitions,
    String modelProblem) {}

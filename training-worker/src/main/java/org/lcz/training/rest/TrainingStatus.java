package org.lcz.training.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.lcz.training.kernels.KernelReport;

/**
 * What {@code GET /status} answers.
 *
 * @param device where training runs
 * @param threads PyTorch intra-op threads a CPU run uses
 * @param currentRun the run in progress, or empty
 * @param kernels the latest kernel self-check (null before the first run in this process)
 * @param kernelSummary the self-check in one line, or when it runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingStatus(
    String device, int threads, String currentRun, KernelReport kernels, String kernelSummary) {}

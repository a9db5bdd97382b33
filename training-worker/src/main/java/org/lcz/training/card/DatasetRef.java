package org.lcz.training.card;

/**
 * A data set a model was trained or measured on.
 *
 * @param role {@code train}, {@code validation} or {@code test}
 * @param location {@code s3://bucket/key} or a local path
 * @param sha256 the file's SHA-256 (hex), if known
 * @param patches how many patches it holds
 */
public record DatasetRef(String role, String location, String sha256, long patches) {}

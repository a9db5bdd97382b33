package org.lcz.storage;

import java.time.Instant;

/**
 * What the store knows of one object.
 *
 * @param ref bucket, key and the SHA-256 stored with the object ({@code null} when it has none)
 * @param size length in bytes
 * @param etag the store's entity tag, without quotes
 * @param lastModified when it was last written
 */
public record ObjectInfo(ObjectRef ref, long size, String etag, Instant lastModified) {}

package io.jenkins.plugins.imagestreams.core.importing;

/**
 * The caps of one registry host.
 *
 * @param maxConcurrent the most requests in flight at once, at least 1
 * @param requestsPerSecond the most requests started in any one-second window, at least 1
 */
public record RegistryLimits(int maxConcurrent, int requestsPerSecond) {
    /** 4 concurrent requests, 10 per second. */
    public static final RegistryLimits DEFAULT = new RegistryLimits(4, 10);

    /** Validates the record. */
    public RegistryLimits {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1: " + requestsPerSecond);
        }
    }
}

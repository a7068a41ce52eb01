package io.jenkins.plugins.imagestreams.core.model;

/**
 * Why the last import of a tag failed, one-to-one with the registry port's typed failures. The names are
 * those of OpenShift's {@code TagEventCondition.reason} where it has one.
 */
public enum ConditionReason {
    /** The registry answered 404: the repository or the tag does not exist. */
    NotFound,
    /** The registry answered 401 or 403, or the token endpoint refused the credentials. */
    Unauthorized,
    /** The registry answered 429; the condition carries the time after which a retry is allowed. */
    RateLimited,
    /** The registry could not be reached, timed out, or answered 5xx. */
    Unavailable,
    /** The registry answered, but the manifest or its digest is not valid. */
    InvalidManifest
}

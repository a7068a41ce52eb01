package io.jenkins.plugins.imagestreams.testing.faults;

/** What {@link FaultProxy} does wrong. Manifest faults hit {@code /v2/<repo>/manifests/…}, token faults the realm. */
public enum Fault {
    /** 500 with a registry-style JSON error body. */
    STATUS_500_JSON,
    /** 502 with the HTML page a load balancer sends. */
    STATUS_502_HTML,
    /** 503 with a registry-style JSON error body. */
    STATUS_503_JSON,
    /** 429 with {@code Retry-After: 2}. */
    RATE_LIMIT_SECONDS,
    /** 429 with {@code Retry-After} as an HTTP-date one minute ahead. */
    RATE_LIMIT_DATE,
    /** 429 without {@code Retry-After}. */
    RATE_LIMIT_NONE,
    /** Waits {@link FaultProxy#stall()} before the status line. */
    SLOW_STATUS_LINE,
    /** On GET: sends the headers and half the body, then waits {@link FaultProxy#stall()}. */
    STALLED_BODY,
    /** Closes the connection without answering. */
    DROP_CONNECTION,
    /** Closes the connection in the middle of the headers. */
    DROP_MID_HEADERS,
    /** Resets the connection (RST: {@code SO_LINGER 0}, then close). */
    RESET,
    /** Removes {@code Docker-Content-Digest}, keeps {@code Etag}. */
    NO_DIGEST_KEEP_ETAG,
    /** Removes {@code Docker-Content-Digest} and {@code Etag}. */
    NO_DIGEST_NO_ETAG,
    /** Rewrites {@code Docker-Content-Digest} and {@code Etag} to another valid sha256 digest. */
    WRONG_DIGEST,
    /** Rewrites {@code Docker-Content-Digest} to {@code sha256:xyz}. */
    MALFORMED_DIGEST,
    /** Rewrites {@code Docker-Content-Digest} to an {@code md5:} value. */
    MD5_DIGEST,
    /** Rewrites {@code Content-Type} to {@code application/json}. */
    WRONG_CONTENT_TYPE,
    /** Rewrites {@code Content-Type} to the Docker v2 manifest type: the manifest-list rewrite, faked. */
    CHILD_CONTENT_TYPE,
    /** Adds Docker Hub's {@code ratelimit-limit: 100;w=21600} and {@code ratelimit-remaining: 76;w=21600}. */
    RATELIMIT_HEADERS,
    /** Every 401 challenge becomes {@code Basic realm="changed"}. */
    CHANGED_CHALLENGE,
    /** The token endpoint answers 500. */
    TOKEN_ENDPOINT_500,
    /** Every manifest request with a bearer token gets 401 {@code error="invalid_token"} (an expired token). */
    REJECT_TOKEN,
    /** Only the first manifest request with a bearer token gets 401 {@code error="invalid_token"}. */
    REJECT_TOKEN_ONCE,
    /** Manifest requests get {@code 307} to the same origin under {@code /moved}, which the proxy then serves. */
    REDIRECT_SAME_ORIGIN,
    /** Manifest requests get {@code 307} to {@code localhost:<port>/moved/…}: another origin, the same proxy. */
    REDIRECT_OTHER_ORIGIN,
    /** On GET: a {@code 200} manifest answer with a 5 MiB body and no {@code Docker-Content-Digest}. */
    OVERSIZED_BODY
}

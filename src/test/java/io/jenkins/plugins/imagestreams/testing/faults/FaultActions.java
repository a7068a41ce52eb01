package io.jenkins.plugins.imagestreams.testing.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What {@link FaultProxy} does for each {@link Fault}: synthetic answers, broken connections, rewritten headers. */
final class FaultActions {
    /** A valid sha256 digest that no fixture manifest has. */
    static final String OTHER_DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    private static final String JSON_ERROR = "{\"errors\":[{\"code\":\"%s\",\"message\":\"%s\"}]}";
    private static final String HTML_502 =
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                    + "<hr><center>nginx</center></body></html>";

    private FaultActions() {}

    /**
     * Applies the faults that replace the upstream's answer.
     *
     * @return null to forward; otherwise whether the connection stays open
     */
    static Boolean beforeForwarding(
            Set<Fault> faults, String kind, String method, Socket socket, OutputStream out, Duration stall)
            throws IOException, InterruptedException {
        boolean head = method.equals("HEAD");
        if (kind.equals("token")) {
            return tokenFault(faults, out);
        }
        if (faults.contains(Fault.STATUS_500_JSON)) {
            write(json(500, "UNKNOWN", "internal error"), head, out);
        } else if (faults.contains(Fault.STATUS_502_HTML)) {
            write(response(502, "text/html", HTML_502.getBytes(StandardCharsets.UTF_8)), head, out);
        } else if (faults.contains(Fault.STATUS_503_JSON)) {
            write(json(503, "UNAVAILABLE", "service unavailable"), head, out);
        } else if (faults.contains(Fault.RATE_LIMIT_SECONDS)) {
            write(rateLimited("2"), head, out);
        } else if (faults.contains(Fault.RATE_LIMIT_DATE)) {
            write(rateLimited(httpDate(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1))), head, out);
        } else if (faults.contains(Fault.RATE_LIMIT_NONE)) {
            write(rateLimited(null), head, out);
        } else if (faults.contains(Fault.SLOW_STATUS_LINE)) {
            Thread.sleep(stall.toMillis());
            return null;
        } else if (faults.contains(Fault.DROP_CONNECTION)) {
            socket.close();
            return false;
        } else if (faults.contains(Fault.DROP_MID_HEADERS)) {
            out.write("HTTP/1.1 200 OK\r\nContent-Ty".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
            return false;
        } else if (faults.contains(Fault.OVERSIZED_BODY) && !head) {
            write(response(200, "application/vnd.oci.image.manifest.v1+json", new byte[5 << 20]), false, out);
        } else if (faults.contains(Fault.RESET)) {
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        } else {
            return null;
        }
        return true;
    }

    private static Boolean tokenFault(Set<Fault> faults, OutputStream out) throws IOException {
        if (faults.contains(Fault.TOKEN_ENDPOINT_500)) {
            write(json(500, "UNAVAILABLE", "token service down"), false, out);
            return true;
        }
        return null;
    }

    /** Rewrites digest, Etag, Content-Type and rate-limit headers of a forwarded manifest answer. */
    static void rewriteHeaders(Set<Fault> faults, Map<String, String> headers) {
        if (faults.contains(Fault.NO_DIGEST_KEEP_ETAG) || faults.contains(Fault.NO_DIGEST_NO_ETAG)) {
            headers.remove("docker-content-digest");
        }
        if (faults.contains(Fault.NO_DIGEST_NO_ETAG)) {
            headers.remove("etag");
        }
        if (faults.contains(Fault.WRONG_DIGEST)) {
            headers.put("docker-content-digest", OTHER_DIGEST);
            headers.put("etag", "\"" + OTHER_DIGEST + "\"");
        }
        if (faults.contains(Fault.MALFORMED_DIGEST)) {
            headers.put("docker-content-digest", "sha256:xyz");
        }
        if (faults.contains(Fault.MD5_DIGEST)) {
            headers.put("docker-content-digest", "md5:d41d8cd98f00b204e9800998ecf8427e");
        }
        if (faults.contains(Fault.WRONG_CONTENT_TYPE)) {
            headers.put("content-type", "application/json");
        }
        if (faults.contains(Fault.CHILD_CONTENT_TYPE)) {
            headers.put("content-type", "application/vnd.docker.distribution.manifest.v2+json");
        }
        if (faults.contains(Fault.RATELIMIT_HEADERS)) {
            headers.put("ratelimit-limit", "100;w=21600");
            headers.put("ratelimit-remaining", "76;w=21600");
        }
    }

    /** Sends the headers and half the body, then waits. */
    static void stallBody(FaultProxy.Response response, OutputStream out, Duration stall)
            throws IOException, InterruptedException {
        out.write(response.head(false));
        out.write(response.body(), 0, response.body().length / 2);
        out.flush();
        Thread.sleep(stall.toMillis());
    }

    /** Writes a whole answer; for HEAD only the headers, keeping Content-Length. */
    static void write(FaultProxy.Response response, boolean head, OutputStream out) throws IOException {
        out.write(response.head(head));
        if (!head) {
            out.write(response.body());
        }
        out.flush();
    }

    private static FaultProxy.Response json(int status, String code, String message) {
        return response(
                status,
                "application/json",
                String.format(JSON_ERROR, code, message).getBytes(StandardCharsets.UTF_8));
    }

    private static FaultProxy.Response rateLimited(String retryAfter) {
        FaultProxy.Response response = json(429, "TOOMANYREQUESTS", "pull rate limit exceeded");
        if (retryAfter != null) {
            response.headers().put("retry-after", retryAfter);
        }
        return response;
    }

    private static FaultProxy.Response response(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("content-length", String.valueOf(body.length));
        return new FaultProxy.Response(status, headers, body);
    }

    /** @return the date as an RFC 9110 HTTP-date, e.g. {@code Mon, 30 Nov 2026 05:00:00 GMT} */
    /** A {@code 307 Temporary Redirect} to {@code location}. */
    static FaultProxy.Response redirect(String location) {
        FaultProxy.Response response = response(307, "text/plain", new byte[0]);
        response.headers().put("location", location);
        return response;
    }

    static String httpDate(ZonedDateTime at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.withNano(0));
    }
}

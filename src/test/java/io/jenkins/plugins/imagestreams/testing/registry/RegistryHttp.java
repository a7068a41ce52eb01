package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixture's own HTTP/1.1 client for one registry. It sends Basic credentials, or answers a Bearer challenge by
 * fetching a token for the challenged scope (cached per scope) and retrying once.
 */
final class RegistryHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern TOKEN_FIELD = Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final HttpClient client;
    private final String basicAuthorization;
    private final boolean preemptiveBasic;
    private final Map<String, String> tokensByScope = new ConcurrentHashMap<>();

    /**
     * @param base {@code http(s)://127.0.0.1:<port>}
     * @param client the underlying client
     * @param username user for Basic auth and token requests, or {@code null} for none
     * @param password that user's password
     * @param preemptiveBasic whether every registry request carries Basic credentials (htpasswd); otherwise they go
     *     only to the token endpoint
     */
    RegistryHttp(URI base, HttpClient client, String username, String password, boolean preemptiveBasic) {
        this.base = base;
        this.preemptiveBasic = preemptiveBasic;
        this.client = client;
        this.basicAuthorization = username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @return a request builder for {@code path} (absolute, or relative as in a {@code Location} header) */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    /**
     * Sends the request, authenticating as the registry requires. The builder's body publisher must be replayable.
     *
     * @return the response, with the body as bytes (empty for HEAD)
     */
    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (preemptiveBasic) {
            request.setHeader("Authorization", basicAuthorization);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Optional<Map<String, String>> challenge = bearerChallenge(response);
        if (challenge.isEmpty()) {
            return response;
        }
        request.setHeader("Authorization", "Bearer " + token(challenge.get()));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends the request and checks its status.
     *
     * @throws IOException if the status is not {@code expectedStatus}; the message has the response body
     */
    HttpResponse<byte[]> expect(int expectedStatus, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() != expectedStatus) {
            throw new IOException(response.request().method() + " " + response.uri() + " gave "
                    + response.statusCode() + " instead of " + expectedStatus + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    private String token(Map<String, String> challenge) throws IOException, InterruptedException {
        String scope = challenge.getOrDefault("scope", "");
        String cached = tokensByScope.get(scope);
        if (cached != null) {
            return cached;
        }
        String token = fetchToken(challenge);
        tokensByScope.put(scope, token);
        return token;
    }

    private String fetchToken(Map<String, String> challenge) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(challenge.get("realm"))
                .append("?service=")
                .append(URLEncoder.encode(challenge.getOrDefault("service", ""), StandardCharsets.UTF_8));
        if (challenge.containsKey("scope")) {
            uri.append("&scope=").append(URLEncoder.encode(challenge.get("scope"), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(REQUEST_TIMEOUT)
                .header(TokenServer.FIXTURE_HEADER, "true");
        if (basicAuthorization != null) {
            request.header("Authorization", basicAuthorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN_FIELD.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("Token request " + uri + " gave " + response.statusCode() + ": " + response.body());
        }
        return token.group(1);
    }

    /** @return the parameters of a {@code WWW-Authenticate: Bearer …} challenge on a 401, if there is one */
    static Optional<Map<String, String>> bearerChallenge(HttpResponse<?> response) {
        if (response.statusCode() != 401) {
            return Optional.empty();
        }
        return response.headers()
                .firstValue("WWW-Authenticate")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(RegistryHttp::challengeParameters);
    }

    private static Map<String, String> challengeParameters(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher parameter = CHALLENGE_PARAM.matcher(header);
        while (parameter.find()) {
            parameters.put(parameter.group(1), parameter.group(2));
        }
        return parameters;
    }
}

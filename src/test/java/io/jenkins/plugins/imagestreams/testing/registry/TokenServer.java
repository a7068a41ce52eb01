package io.jenkins.plugins.imagestreams.testing.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The token endpoint ({@code GET /token?service=…&scope=…}) of a token-auth {@link LocalRegistry}, on loopback.
 *
 * <ul>
 *   <li>Basic credentials of the configured user: every requested action is granted.
 *   <li>Wrong Basic credentials: 401.
 *   <li>No credentials: a token is still issued (as Docker Hub does), granting {@code pull} on repositories only if
 *       anonymous pull is on, otherwise an empty access list, so the registry answers 401 again.
 * </ul>
 *
 * Requests are counted, in total and per scope string, except those carrying {@link #FIXTURE_HEADER}.
 */
final class TokenServer implements AutoCloseable {

    /** Header sent by the fixture's own client, so that its token requests are not counted. */
    static final String FIXTURE_HEADER = "X-ImageStreams-Test-Fixture";

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final HttpServer server;
    private final TokenSigner signer;
    private final String username;
    private final String password;
    private final boolean anonymousPull;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsPerScope = new ConcurrentHashMap<>();

    private TokenServer(HttpServer server, TokenSigner signer, String username, String password, boolean anonPull) {
        this.server = server;
        this.signer = signer;
        this.username = username;
        this.password = password;
        this.anonymousPull = anonPull;
    }

    /**
     * Starts the endpoint on a free loopback port.
     *
     * @param tls a server SSL context for HTTPS, or {@code null} for plain HTTP
     */
    static TokenServer start(
            TokenSigner signer, String username, String password, boolean anonymousPull, SSLContext tls)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server;
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        TokenServer tokens = new TokenServer(server, signer, username, password, anonymousPull);
        server.createContext("/token", tokens::handle);
        server.start();
        return tokens;
    }

    /** @return the realm, {@code http(s)://127.0.0.1:<port>/token} */
    URI realm() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** @return counted token requests since start or the last reset */
    int requestCount() {
        return requests.get();
    }

    /** @return counted token requests that asked for {@code scope}, e.g. {@code repository:demo/app:pull} */
    int requestCount(String scope) {
        AtomicInteger count = requestsPerScope.get(scope);
        return count == null ? 0 : count.get();
    }

    /** Sets all counts back to zero. */
    void resetRequestCounts() {
        requests.set(0);
        requestsPerScope.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> query =
                    parseQuery(exchange.getRequestURI().getRawQuery());
            List<String> scopes = scopes(query);
            if (!exchange.getRequestHeaders().containsKey(FIXTURE_HEADER)) {
                requests.incrementAndGet();
                scopes.forEach(s -> requestsPerScope
                        .computeIfAbsent(s, k -> new AtomicInteger())
                        .incrementAndGet());
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, error("UNSUPPORTED", "only GET"));
            } else if (!List.of(TokenSigner.SERVICE).equals(query.get("service"))) {
                respond(exchange, 400, error("INVALID_REQUEST", "service must be " + TokenSigner.SERVICE));
            } else {
                issue(exchange, scopes);
            }
        }
    }

    private void issue(HttpExchange exchange, List<String> scopes) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean authenticated = authorization != null;
        if (authenticated && !expectedAuthorization().equals(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test-token\"");
            respond(exchange, 401, error("UNAUTHORIZED", "wrong credentials"));
            return;
        }
        List<TokenGrant> grants = new ArrayList<>();
        for (String scope : scopes) {
            TokenGrant requested;
            try {
                requested = TokenGrant.parse(scope);
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, error("INVALID_REQUEST", e.getMessage()));
                return;
            }
            TokenGrant granted = authenticated ? requested : requested.forAnonymous(anonymousPull);
            if (!granted.actions().isEmpty()) {
                grants.add(granted);
            }
        }
        String token = signer.sign(authenticated ? username : "", grants, LIFETIME);
        respond(exchange, 200, tokenResponse(token));
    }

    private String expectedAuthorization() {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String tokenResponse(String token) {
        return "{\"token\":" + Json.quote(token) + ",\"access_token\":" + Json.quote(token) + ",\"expires_in\":"
                + LIFETIME.toSeconds() + ",\"issued_at\":"
                + Json.quote(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()) + "}";
    }

    private static String error(String code, String message) {
        return "{\"errors\":[{\"code\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}]}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static List<String> scopes(Map<String, List<String>> query) {
        List<String> scopes = new ArrayList<>();
        for (String value : query.getOrDefault("scope", List.of())) {
            Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).forEach(scopes::add);
        }
        return scopes;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.computeIfAbsent(decode(key), k -> new ArrayList<>()).add(decode(value));
        }
        return query;
    }

    private static String decode(String component) {
        return URLDecoder.decode(component, StandardCharsets.UTF_8);
    }
}

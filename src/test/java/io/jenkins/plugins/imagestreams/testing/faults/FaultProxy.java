package io.jenkins.plugins.imagestreams.testing.faults;

import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP/1.1 proxy on loopback in front of a {@link LocalRegistry}: it forwards each request, then applies
 * the active {@link Fault}s, counts requests by method and kind ({@code HEAD manifests}, {@code GET manifests},
 * {@code GET tags}, {@code GET token}), routes the token endpoint through itself (bearer challenges get its own
 * realm), and can paginate tag lists with {@code Link: <…>; rel="next"}, which distribution 2.8 does not do.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(registry)) {
 *     proxy.inject(Fault.STATUS_503_JSON);
 *     client.resolve(ImageReference.parse(proxy.imageReference("demo/app", "v1")), …);
 * }
 * }</pre>
 */
public final class FaultProxy implements Closeable {
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");
    private static final String MOVED = "/moved";

    private final LocalRegistry upstream;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Fault> faults = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean rejectedOnce = new AtomicBoolean();
    private volatile String upstreamRealm;
    private volatile int tagPageSize;
    private volatile Duration stall = Duration.ofSeconds(30);

    private FaultProxy(LocalRegistry upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** @return a running proxy in front of {@code upstream} (a started rule) */
    public static FaultProxy start(LocalRegistry upstream) throws IOException {
        return new FaultProxy(upstream);
    }

    /** Replaces the active faults. */
    public FaultProxy inject(Fault... active) {
        faults.clear();
        faults.addAll(active.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.of(active[0], active));
        rejectedOnce.set(false);
        return this;
    }

    /** Serves tag lists in pages of {@code size} tags, linked with {@code rel="next"}; 0 turns it off. */
    public FaultProxy paginateTags(int size) {
        tagPageSize = size;
        return this;
    }

    /** Sets how long the slow and stalled faults wait. */
    public FaultProxy stall(Duration duration) {
        stall = duration;
        return this;
    }

    /** @return how long the slow and stalled faults wait (30 s unless set) */
    public Duration stall() {
        return stall;
    }

    /** @return {@code 127.0.0.1:<port>}, the registry part of a reference through the proxy */
    public String hostAndPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** @return a pull spec through the proxy, e.g. {@code 127.0.0.1:<port>/demo/app:v1} */
    public String imageReference(String repository, String reference) {
        return hostAndPort() + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    /**
     * @param method {@code HEAD} or {@code GET}
     * @param kind {@code manifests}, {@code tags}, {@code token} or {@code other}
     * @return requests seen since start or {@link #resetCounts()}
     */
    public int count(String method, String kind) {
        AtomicInteger count = counts.get(method + " " + kind);
        return count == null ? 0 : count.get();
    }

    /** @return token requests seen since start or {@link #resetCounts()} */
    public int tokenRequests() {
        return count("GET", "token");
    }

    /** Sets all counts back to zero. */
    public void resetCounts() {
        counts.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            for (Map<String, String> request = readRequest(in); request != null; request = readRequest(in)) {
                if (!answer(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // the client went away, or the proxy is closing
        } finally {
            sockets.remove(socket);
        }
    }

    /** @return whether the connection stays open */
    private boolean answer(Map<String, String> request, Socket socket, OutputStream out)
            throws IOException, InterruptedException {
        String method = request.get(":method");
        String path = request.get(":path");
        if (path.startsWith(MOVED)) {
            path = path.substring(MOVED.length());
            counts.computeIfAbsent(
                            "moved " + (request.containsKey("authorization") ? "with" : "without") + " authorization",
                            k -> new AtomicInteger())
                    .incrementAndGet();
        } else if (path.contains("/manifests/") && redirectsTo() != null) {
            FaultActions.write(FaultActions.redirect("http://" + redirectsTo() + MOVED + path), false, out);
            return true;
        }
        String kind = kind(path);
        counts.computeIfAbsent(method + " " + kind, k -> new AtomicInteger()).incrementAndGet();
        boolean manifests = kind.equals("manifests");
        if (manifests || kind.equals("token")) {
            Boolean early = FaultActions.beforeForwarding(faults, kind, method, socket, out, stall);
            if (early != null) {
                return early;
            }
        }
        boolean rejectToken = manifests && rejectsToken(request.get("authorization"));
        Response response = forward(method, path, rejectToken ? null : request.get("authorization"), request);
        if (rejectToken && response.status() == 401) {
            response.headers().computeIfPresent("www-authenticate", (k, v) -> v + ",error=\"invalid_token\"");
        }
        if (response.status() == 401 && faults.contains(Fault.CHANGED_CHALLENGE)) {
            response.headers().put("www-authenticate", "Basic realm=\"changed\"");
        }
        if (manifests) {
            FaultActions.rewriteHeaders(faults, response.headers());
            if (faults.contains(Fault.STALLED_BODY) && method.equals("GET")) {
                FaultActions.stallBody(response, out, stall);
                return false;
            }
        }
        FaultActions.write(response, method.equals("HEAD"), out);
        return true;
    }

    private String redirectsTo() {
        if (faults.contains(Fault.REDIRECT_SAME_ORIGIN)) {
            return hostAndPort();
        }
        return faults.contains(Fault.REDIRECT_OTHER_ORIGIN) ? "localhost:" + server.getLocalPort() : null;
    }

    /**
     * @param withAuthorization whether to count the redirected requests that carried {@code Authorization}, or
     *     those that did not
     * @return redirected requests (under {@code /moved}) seen since start or {@link #resetCounts()}
     */
    public int redirected(boolean withAuthorization) {
        AtomicInteger count = counts.get("moved " + (withAuthorization ? "with" : "without") + " authorization");
        return count == null ? 0 : count.get();
    }

    private boolean rejectsToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return faults.contains(Fault.REJECT_TOKEN)
                || faults.contains(Fault.REJECT_TOKEN_ONCE) && rejectedOnce.compareAndSet(false, true);
    }

    private Response forward(String method, String path, String authorization, Map<String, String> request)
            throws IOException, InterruptedException {
        URI target = path.startsWith("/token")
                ? URI.create(upstreamRealm + path.substring("/token".length()))
                : upstream.baseUri().resolve(tagPageSize > 0 && kind(path).equals("tags") ? stripQuery(path) : path);
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(target).method(method, HttpRequest.BodyPublishers.noBody());
        for (String header : new String[] {"accept", "user-agent"}) {
            if (request.containsKey(header)) {
                builder.header(header, request.get(header));
            }
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response =
                upstream.httpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        headers.computeIfPresent("www-authenticate", (k, v) -> ownRealm(v));
        Response result = new Response(response.statusCode(), headers, response.body());
        return tagPageSize > 0 && kind(path).equals("tags") && result.status() == 200
                ? TagPages.page(result, path, tagPageSize)
                : result;
    }

    private String ownRealm(String challenge) {
        Matcher realm = REALM.matcher(challenge);
        if (!realm.find()) {
            return challenge;
        }
        upstreamRealm = realm.group(1);
        return realm.replaceFirst("realm=\"http://" + hostAndPort() + "/token\"");
    }

    private static String kind(String path) {
        if (path.startsWith("/token")) {
            return "token";
        }
        if (path.contains("/manifests/")) {
            return "manifests";
        }
        return path.contains("/tags/list") ? "tags" : "other";
    }

    private static String stripQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** @return {@code :method}, {@code :path} and lower-case headers, or null at the end of the stream */
    private static Map<String, String> readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 request (a TLS probe?)");
        }
        Map<String, String> request = new LinkedHashMap<>();
        request.put(":method", parts[0]);
        request.put(":path", parts[1]);
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new IOException("malformed header");
            }
            request.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        long length = Long.parseLong(request.getOrDefault("content-length", "0"));
        in.skipNBytes(length);
        return request;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** A response on its way back to the client; headers lower case and mutable. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        byte[] head(boolean forHead) {
            StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
            headers.forEach((name, value) -> {
                if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
                    text.append(name).append(": ").append(value).append("\r\n");
                }
            });
            String length = forHead ? headers.getOrDefault("content-length", "0") : String.valueOf(body.length);
            text.append("content-length: ").append(length).append("\r\n\r\n");
            return text.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}

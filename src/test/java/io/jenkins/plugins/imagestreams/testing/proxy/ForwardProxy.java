package io.jenkins.plugins.imagestreams.testing.proxy;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on loopback, as registry requests meet it in a company network: {@code CONNECT host:port}
 * tunnels for HTTPS, and plain-HTTP requests with an absolute URI ({@code GET http://host:port/v2/… HTTP/1.1}),
 * which it forwards with {@code Connection: close}. Optionally it requires Basic proxy credentials (RFC 7235
 * section 4.4): a request or {@code CONNECT} without the right {@code Proxy-Authorization} is answered
 * {@code 407} with {@code Proxy-Authenticate: Basic realm="imagestreams-test-proxy"}, on a connection kept open
 * for the answer. It remembers every request head it received, so a test can tell what went through it.
 */
public final class ForwardProxy implements Closeable {
    /** The realm of the {@code 407} challenge. */
    public static final String REALM = "imagestreams-test-proxy";

    /**
     * One request head the proxy received, and what it did with it.
     *
     * @param method {@code CONNECT}, {@code GET}, {@code HEAD}, …
     * @param target {@code host:port} for {@code CONNECT}, the absolute URI otherwise
     * @param proxyAuthorization whether a {@code Proxy-Authorization} header came with it
     * @param authorization whether an {@code Authorization} header (for the registry) came with it
     * @param status the status answered: 407, 200 for an opened tunnel, the registry's status for a forwarded
     *     request, 502 when the registry could not be reached
     */
    public record Received(
            String method, String target, boolean proxyAuthorization, boolean authorization, int status) {}

    private final ServerSocket server;
    private final Optional<String> expectedCredentials;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ForwardProxy(final ServerSocket server, final Optional<String> expectedCredentials) {
        this.server = server;
        this.expectedCredentials = expectedCredentials;
    }

    /**
     * Starts an open proxy on a free loopback port.
     *
     * @return the running proxy
     * @throws IOException if no port can be bound
     */
    public static ForwardProxy start() throws IOException {
        return start(Optional.empty());
    }

    /**
     * Starts a proxy that requires Basic credentials.
     *
     * @param user the proxy user
     * @param password the proxy password
     * @return the running proxy
     * @throws IOException if no port can be bound
     */
    public static ForwardProxy requiringBasic(final String user, final String password) throws IOException {
        return start(Optional.of("Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private static ForwardProxy start(final Optional<String> expectedCredentials) throws IOException {
        ForwardProxy proxy =
                new ForwardProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), expectedCredentials);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** @return the port the proxy listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the proxy's loopback address */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress().getHostAddress(), port());
    }

    /** @return {@code host:port} of the proxy, as messages name it */
    public String hostAndPort() {
        return server.getInetAddress().getHostAddress() + ":" + port();
    }

    /** @return the {@code host:port} of every tunnel opened so far */
    public List<String> tunnels() {
        return received.stream()
                .filter(r -> "CONNECT".equals(r.method()) && r.status() == 200)
                .map(Received::target)
                .toList();
    }

    /** @return every request head received so far, in order */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(final Socket client) {
        try {
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            while (true) {
                RequestHead head = RequestHead.read(fromClient);
                if (!authorized(head)) {
                    received.add(head.received(407));
                    write(
                            toClient,
                            "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"" + REALM
                                    + "\"\r\nContent-Length: 0\r\n\r\n");
                    continue;
                }
                if ("CONNECT".equals(head.method())) {
                    tunnel(head, client);
                } else {
                    forward(head, client);
                }
                return;
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private boolean authorized(final RequestHead head) {
        return expectedCredentials.isEmpty()
                || head.header("Proxy-Authorization").equals(expectedCredentials);
    }

    private void tunnel(final RequestHead head, final Socket client) throws IOException {
        String target = head.target();
        int colon = target.lastIndexOf(':');
        Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        sockets.add(upstream);
        received.add(head.received(200));
        write(client.getOutputStream(), "HTTP/1.1 200 Connection established\r\n\r\n");
        threads.execute(() -> pipe(upstream, client));
        pipe(client, upstream);
    }

    private void forward(final RequestHead head, final Socket client) throws IOException {
        URI uri = URI.create(head.target());
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        Socket upstream;
        try {
            upstream = new Socket(uri.getHost(), port);
        } catch (IOException e) {
            received.add(head.received(502));
            write(
                    client.getOutputStream(),
                    "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            closeQuietly(client);
            return;
        }
        sockets.add(upstream);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder request = new StringBuilder(head.method() + " " + path + " HTTP/1.1\r\n");
        head.headersWithout("Proxy-Authorization", "Proxy-Connection", "Connection", "Keep-Alive")
                .forEach(line -> request.append(line).append("\r\n"));
        write(
                upstream.getOutputStream(),
                request.append("Connection: close\r\n\r\n").toString());
        String responseHead = readHead(upstream.getInputStream());
        received.add(head.received(Integer.parseInt(responseHead.split(" ", 3)[1])));
        StringBuilder response = new StringBuilder();
        responseHead
                .lines()
                .filter(line -> !line.isEmpty() && !isHeader(line, "Connection") && !isHeader(line, "Keep-Alive"))
                .forEach(line -> response.append(line).append("\r\n"));
        write(
                client.getOutputStream(),
                response.append("Connection: close\r\n\r\n").toString());
        pipe(upstream, client);
    }

    private static boolean isHeader(final String line, final String name) {
        return line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":");
    }

    private static void write(final OutputStream out, final String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String readHead(final InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pipe(final Socket from, final Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // the other side closed: end the exchange
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(final Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(ForwardProxy::closeQuietly);
        threads.shutdownNow();
    }

    /** A request line and its header lines; GET, HEAD and CONNECT carry no body. */
    private record RequestHead(String method, String target, List<String> headers) {
        static RequestHead read(final InputStream in) throws IOException {
            List<String> lines = new ArrayList<>(readHead(in).lines().toList());
            String[] requestLine = lines.remove(0).split(" ");
            if (requestLine.length < 3) {
                throw new IOException("not an HTTP request line");
            }
            lines.removeIf(String::isEmpty);
            return new RequestHead(requestLine[0], requestLine[1], lines);
        }

        Optional<String> header(final String name) {
            return headers.stream()
                    .filter(line -> isHeader(line, name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        }

        List<String> headersWithout(final String... names) {
            return headers.stream()
                    .filter(line -> List.of(names).stream().noneMatch(name -> isHeader(line, name)))
                    .toList();
        }

        Received received(final int status) {
            return new Received(
                    method,
                    target,
                    header("Proxy-Authorization").isPresent(),
                    header("Authorization").isPresent(),
                    status);
        }
    }
}

package io.jenkins.plugins.imagestreams.jenkins.config;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on loopback that only tunnels ({@code CONNECT host:port}, as clients use it for HTTPS) and
 * remembers every tunnel's target, so a test can tell whether registry requests went through the proxy.
 */
final class ConnectProxy implements Closeable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "connect-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ConnectProxy(final ServerSocket server) {
        this.server = server;
    }

    /**
     * Starts the proxy on a free loopback port.
     *
     * @return the running proxy
     * @throws IOException if no port can be bound
     */
    static ConnectProxy start() throws IOException {
        ConnectProxy proxy = new ConnectProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** @return the port the proxy listens on */
    int port() {
        return server.getLocalPort();
    }

    /** @return the {@code host:port} of every tunnel opened so far */
    List<String> tunnels() {
        return List.copyOf(tunnels);
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
            String head = readHead(client.getInputStream());
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream toClient = client.getOutputStream();
            if (requestLine.length < 2 || !"CONNECT".equals(requestLine[0])) {
                toClient.write("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            String target = requestLine[1];
            tunnels.add(target);
            int colon = target.lastIndexOf(':');
            Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
            sockets.add(upstream);
            toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
            threads.execute(() -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static String readHead(final InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void pipe(final Socket from, final Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // the other side closed: end the tunnel
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
        sockets.forEach(ConnectProxy::closeQuietly);
        threads.shutdownNow();
    }
}

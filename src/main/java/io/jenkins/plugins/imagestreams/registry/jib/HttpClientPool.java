package io.jenkins.plugins.imagestreams.registry.jib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * One pooled Apache HttpClient 4.5 client per transport, reused by every call, so that connections are kept alive
 * and 10,000 resolves open no more sockets than the highest concurrency needs ({@value #MAX_PER_ROUTE} per host at
 * most). Also remembers which insecure hosts answered plain HTTP, so the HTTPS probe is paid once per host.
 *
 * <p>The clients never retry, redirect, authenticate to a registry, decompress or keep cookies on their own:
 * {@link HttpExchange} and {@link RegistrySession} do each of these explicitly, within the call's deadline. The one
 * handshake HttpClient does itself is the Basic authentication to the transport's HTTP proxy
 * ({@link ProxyAuthentication}).
 */
final class HttpClientPool {
    /** Bounds the pool: registries are configured by an administrator, so more transports than this means a leak. */
    private static final int MAX_CLIENTS = 64;

    /** Connections kept per registry host; a poll runs a handful of imports at a time. */
    static final int MAX_PER_ROUTE = 64;

    /** A pooled connection idle this long is checked before reuse, as load balancers drop idle connections. */
    private static final int VALIDATE_AFTER_INACTIVITY_MILLIS = 1_000;

    private final Map<RegistryTransport, CloseableHttpClient> clients = new ConcurrentHashMap<>();
    private final Object evictionLock = new Object();
    private final Set<String> plainHttpHosts = ConcurrentHashMap.newKeySet();

    /**
     * Returns the client for a transport, creating it once.
     *
     * @param transport the host's transport settings
     * @return the shared client
     * @throws IllegalArgumentException if the CA bundle cannot be read
     */
    CloseableHttpClient client(final RegistryTransport transport) {
        CloseableHttpClient existing = clients.get(transport);
        if (existing != null) {
            return existing;
        }
        synchronized (evictionLock) {
            if (clients.size() >= MAX_CLIENTS) {
                for (CloseableHttpClient evicted : clients.values()) {
                    closeQuietly(evicted);
                }
                clients.clear();
            }
            return clients.computeIfAbsent(transport, HttpClientPool::build);
        }
    }

    /**
     * Whether an insecure host is known to speak plain HTTP.
     *
     * @param host {@code host[:port]}
     * @return true after {@link #markPlainHttp} for that host
     */
    boolean isPlainHttp(final String host) {
        return plainHttpHosts.contains(host);
    }

    /**
     * Records that an insecure host speaks plain HTTP.
     *
     * @param host {@code host[:port]}
     */
    void markPlainHttp(final String host) {
        plainHttpHosts.add(host);
    }

    private static CloseableHttpClient build(final RegistryTransport transport) {
        SSLConnectionSocketFactory tls = new SSLConnectionSocketFactory(
                sslContext(transport),
                transport.insecure()
                        ? NoopHostnameVerifier.INSTANCE
                        : SSLConnectionSocketFactory.getDefaultHostnameVerifier());
        PoolingHttpClientConnectionManager connections =
                new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", tls)
                        .build());
        connections.setMaxTotal(MAX_PER_ROUTE * 4);
        connections.setDefaultMaxPerRoute(MAX_PER_ROUTE);
        connections.setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY_MILLIS);
        connections.setDefaultSocketConfig(SocketConfig.custom()
                .setTcpNoDelay(true)
                .setSoTimeout((int) transport.readTimeout().toMillis())
                .build());
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setUserAgent("jenkins-imagestreams")
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression();
        ProxyAuthentication.configure(builder, transport);
        return builder.build();
    }

    private static void closeQuietly(final CloseableHttpClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // the client was being dropped anyway; its sockets are closed as far as they can be
        }
    }

    private static SSLContext sslContext(final RegistryTransport transport) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (transport.insecure()) {
                context.init(null, new TrustManager[] {new TrustEverything()}, null);
            } else if (transport.caCertificatesPem().isPresent()) {
                context.init(null, trustManagers(transport.caCertificatesPem().get()), null);
            } else {
                return SSLContext.getDefault();
            }
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Cannot set up TLS with the configured CA certificates: " + e, e);
        }
    }

    private static TrustManager[] trustManagers(final String pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (X509Certificate jvm : jvmTrustedIssuers()) {
            store.setCertificateEntry("jvm-" + index++, jvm);
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Certificate custom :
                factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("custom-" + index++, custom);
        }
        if (index == 0) {
            throw new IOException("no certificate found in the PEM text");
        }
        TrustManagerFactory factoryWithCustom =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factoryWithCustom.init(store);
        return factoryWithCustom.getTrustManagers();
    }

    private static X509Certificate[] jvmTrustedIssuers() throws GeneralSecurityException {
        TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jvm.init((KeyStore) null);
        for (TrustManager manager : jvm.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    /** Accepts any server certificate and host name: only for hosts the administrator marked insecure. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(final X509Certificate[] chain, final String authType) {}

        @Override
        public void checkServerTrusted(final X509Certificate[] chain, final String authType) {}

        @Override
        public void checkClientTrusted(final X509Certificate[] chain, final String authType, final Socket socket) {}

        @Override
        public void checkServerTrusted(final X509Certificate[] chain, final String authType, final Socket socket) {}

        @Override
        public void checkClientTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine) {}

        @Override
        public void checkServerTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

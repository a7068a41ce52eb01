package io.jenkins.plugins.imagestreams.registry.jib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.http.HttpClient;
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

/**
 * One JDK {@link HttpClient} per registry host and transport, reused by every call, so that connections are pooled
 * and 10,000 resolves open no more sockets than the highest concurrency needs. Also remembers which insecure hosts
 * answered plain HTTP, so the HTTPS probe is paid once per host.
 */
final class HttpClientPool {
    /** Bounds the pool: registries are configured by an administrator, so more hosts than this means a leak. */
    private static final int MAX_CLIENTS = 256;

    private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();
    private final Set<String> plainHttpHosts = ConcurrentHashMap.newKeySet();

    private record Key(String host, RegistryTransport transport) {}

    /**
     * Returns the client for a host, creating it once.
     *
     * @param host {@code host[:port]}
     * @param transport the host's transport settings
     * @return the shared client
     * @throws IllegalArgumentException if the CA bundle cannot be read
     */
    HttpClient client(final String host, final RegistryTransport transport) {
        Key key = new Key(host, transport);
        HttpClient existing = clients.get(key);
        if (existing != null) {
            return existing;
        }
        if (clients.size() >= MAX_CLIENTS) {
            clients.clear();
        }
        return clients.computeIfAbsent(key, k -> build(k.transport()));
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

    private static HttpClient build(final RegistryTransport transport) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // complete responses on the client's selector thread instead of handing them to a pool thread:
                // the body handlers here never block, and the hand-off cost up to a third of a HEAD's latency
                .executor(Runnable::run)
                .connectTimeout(transport.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(sslContext(transport));
        transport.proxy().ifPresent(address -> builder.proxy(ProxySelector.of(address)));
        if (transport.insecure()) {
            // plain HTTP with HTTP/2 would send an h2c upgrade on every request; registries answer HTTP/1.1 there
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder.build();
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

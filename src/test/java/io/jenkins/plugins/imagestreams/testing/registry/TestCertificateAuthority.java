package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * A throw-away certificate authority made for one {@link LocalRegistry}, with one server certificate for
 * {@code DNS:localhost} and {@code IP:127.0.0.1}. Keys are EC P-256 (made in milliseconds, unlike RSA), signatures
 * SHA256withECDSA. Nothing is added to the JVM's default trust store.
 */
public final class TestCertificateAuthority {

    private static final char[] KEY_PASSWORD = "changeit".toCharArray();

    private final String caName = "CN=ImageStreams Test Registry CA " + UUID.randomUUID();
    private final X509Certificate caCertificate;
    private final X509Certificate serverCertificate;
    private final KeyPair serverKeys;
    private final Path caPem;
    private final Path serverCertificatePem;
    private final Path serverKeyPem;

    private TestCertificateAuthority(Path dir) {
        KeyPair caKeys = Certificates.ecKeyPair("ca");
        caCertificate = Certificates.sign(
                Certificates.builder(caName, caName, caKeys, Duration.ofDays(10), true), caKeys.getPrivate());
        serverKeys = Certificates.ecKeyPair("server");
        serverCertificate = Certificates.sign(serverCertificateBuilder(), caKeys.getPrivate());
        caPem = Certificates.write(dir.resolve("ca.crt"), Certificates.pem(caCertificate));
        serverCertificatePem = Certificates.write(
                dir.resolve("server.crt"), Certificates.pem(serverCertificate) + Certificates.pem(caCertificate));
        serverKeyPem = Certificates.write(dir.resolve("server.key"), Certificates.pem(serverKeys.getPrivate()));
    }

    /**
     * Makes a CA and a server certificate and writes {@code ca.crt}, {@code server.crt} (chain) and
     * {@code server.key} (PKCS#8) as PEM files into {@code dir}.
     */
    static TestCertificateAuthority create(Path dir) {
        return new TestCertificateAuthority(dir);
    }

    /** @return the self-signed CA certificate that issued the registry's server certificate */
    public X509Certificate certificate() {
        return caCertificate;
    }

    /** @return a PEM file holding only the CA certificate (what {@code curl --cacert} wants) */
    public Path certificatePem() {
        return caPem;
    }

    /** @return a new trust store (PKCS12, in memory, no password) that holds only the CA certificate */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("test-registry-ca", caCertificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a trust store", e);
        }
    }

    /** @return a new client {@link SSLContext} that trusts this CA and nothing else */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a client SSL context", e);
        }
    }

    /** @return a server {@link SSLContext} that presents the server certificate (for the token endpoint) */
    SSLContext serverSslContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "server", serverKeys.getPrivate(), KEY_PASSWORD, new Certificate[] {serverCertificate, caCertificate
                    });
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a server SSL context", e);
        }
    }

    /** @return the PEM file with the server certificate followed by the CA certificate */
    Path serverCertificatePem() {
        return serverCertificatePem;
    }

    /** @return the PEM file with the server's PKCS#8 private key */
    Path serverKeyPem() {
        return serverKeyPem;
    }

    private X509v3CertificateBuilder serverCertificateBuilder() {
        X509v3CertificateBuilder builder =
                Certificates.builder(caName, "CN=localhost", serverKeys, Duration.ofDays(5), false);
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return builder;
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot add server certificate extensions", e);
        }
    }
}

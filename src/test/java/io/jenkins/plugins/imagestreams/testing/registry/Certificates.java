package io.jenkins.plugins.imagestreams.testing.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** RSA and EC keys, X.509 certificates (built with BouncyCastle, signed with the JDK provider) and PEM files. */
final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Key pairs by algorithm and role, reused within the JVM. */
    private static final Map<String, KeyPair> KEY_PAIRS = new ConcurrentHashMap<>();

    private Certificates() {}

    /**
     * Returns the RSA 2048 key pair for {@code role}, made once per JVM (an RSA key takes 0.4 s or more to make
     * here). Certificates are still new for every registry.
     *
     * @param role e.g. {@code token}
     */
    static KeyPair rsaKeyPair(String role) {
        return KEY_PAIRS.computeIfAbsent(
                "RSA " + role,
                unused -> newKeyPair("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)));
    }

    /**
     * Returns the EC P-256 key pair for {@code role}, made once per JVM. CA names are unique per registry, so one
     * registry's CA never anchors another registry's server certificate even though the keys are shared.
     *
     * @param role e.g. {@code ca}, {@code server}
     */
    static KeyPair ecKeyPair(String role) {
        return KEY_PAIRS.computeIfAbsent("EC " + role, unused -> newKeyPair("EC", new ECGenParameterSpec("secp256r1")));
    }

    private static KeyPair newKeyPair(String algorithm, AlgorithmParameterSpec parameters) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(parameters, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an " + algorithm + " key pair", e);
        }
    }

    /**
     * Starts a certificate for {@code subject}, valid from an hour ago for {@code validity}.
     *
     * @param issuer the issuer's distinguished name, e.g. {@code CN=Test CA}
     * @param subject the subject's distinguished name
     * @param subjectKeys the subject's key pair
     * @param validity how long the certificate stays valid
     * @return a builder that already has the subject key identifier and basic constraints
     */
    static X509v3CertificateBuilder builder(
            String issuer, String subject, KeyPair subjectKeys, Duration validity, boolean ca) {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(validity)),
                new X500Name(subject),
                subjectKeys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            return builder;
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add certificate extensions", e);
        }
    }

    /**
     * @param builder a finished certificate builder
     * @param issuerKey the key that signs, with SHA256withRSA or SHA256withECDSA
     * @return the signed certificate
     */
    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        String algorithm = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a certificate", e);
        }
    }

    /** @return {@code certificate} as a {@code CERTIFICATE} PEM block */
    static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        }
    }

    /** @return {@code key} as a PKCS#8 {@code PRIVATE KEY} PEM block */
    static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Writes {@code content} to {@code file} (US-ASCII), creating its parent directories.
     *
     * @return {@code file}
     */
    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}

package io.jenkins.plugins.imagestreams.testing.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs registry bearer tokens the way distribution 2.8.2 accepts them: RS256 JWTs whose header carries the
 * signing certificate in {@code x5c}; that self-signed certificate is the registry's whole root bundle.
 */
final class TokenSigner {

    /** The {@code iss} claim, and the registry's {@code auth.token.issuer}. */
    static final String ISSUER = "test-issuer";

    /** The {@code aud} claim, and the registry's {@code auth.token.service}. */
    static final String SERVICE = "test-registry";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String header;
    private final Path rootCertificateBundle;

    private TokenSigner(Path dir) {
        keys = Certificates.rsaKeyPair("token");
        String name = "CN=test-token-signer";
        X509Certificate certificate = Certificates.sign(
                Certificates.builder(name, name, keys, Duration.ofDays(10), false), keys.getPrivate());
        rootCertificateBundle = Certificates.write(dir.resolve("token.crt"), Certificates.pem(certificate));
        try {
            String x5c = Base64.getEncoder().encodeToString(certificate.getEncoded());
            header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[" + Json.quote(x5c) + "]}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode the token certificate", e);
        }
    }

    /** Makes a signing key and writes its certificate to {@code dir/token.crt}. */
    static TokenSigner create(Path dir) {
        return new TokenSigner(dir);
    }

    /** @return the PEM file for the registry's {@code auth.token.rootcertbundle} */
    Path rootCertificateBundle() {
        return rootCertificateBundle;
    }

    /**
     * @param subject the {@code sub} claim; empty for anonymous
     * @param access the {@code access} claim
     * @param lifetime how long the token is valid
     * @return a compact JWS, {@code header.claims.signature}
     */
    String sign(String subject, List<TokenGrant> access, Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":" + Json.quote(ISSUER) + ",\"sub\":" + Json.quote(subject) + ",\"aud\":"
                + Json.quote(SERVICE) + ",\"exp\":" + (now + lifetime.toSeconds()) + ",\"nbf\":" + (now - 10)
                + ",\"iat\":" + now + ",\"jti\":" + Json.quote(UUID.randomUUID().toString()) + ",\"access\":"
                + access.stream().map(TokenGrant::toJson).collect(Collectors.joining(",", "[", "]")) + "}";
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

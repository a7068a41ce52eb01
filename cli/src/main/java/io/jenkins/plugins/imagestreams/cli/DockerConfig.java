package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Docker {@code config.json} says about credentials, as {@code docker login} writes it: the {@code auths}, per
 * registry a base64 {@code auth} of {@code user:password}, or {@code username} and {@code password}, or a
 * {@code registrytoken} (used as a bearer token); and the credential helpers, {@code credHelpers} per registry and
 * {@code credsStore} for every other registry (run by {@link DockerCredentials}). Keys are normalised as Docker does: a
 * scheme and a path are dropped, and Docker Hub's keys ({@code https://index.docker.io/v1/},
 * {@code registry-1.docker.io}) count for {@code docker.io}. Reading the file runs nothing. No secret ever appears in a
 * message.
 */
final class DockerConfig {
    private static final Set<String> DOCKER_HUB_KEYS =
            Set.of("index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private final Map<String, RegistryCredentials> byRegistry;
    private final String credsStore;
    private final Map<String, String> credHelpers;

    private DockerConfig(
            final Map<String, RegistryCredentials> byRegistry,
            final String credsStore,
            final Map<String, String> credHelpers) {
        this.byRegistry = Map.copyOf(byRegistry);
        this.credsStore = credsStore;
        this.credHelpers = Map.copyOf(credHelpers);
    }

    static DockerConfig none() {
        return new DockerConfig(Map.of(), "", Map.of());
    }

    /**
     * Reads a config file.
     *
     * @param file the {@code config.json}
     * @return its credentials and helpers by registry
     * @throws CliFailure (usage) when the file cannot be read, an entry cannot be decoded, or a helper is named by a
     *     path rather than by the suffix of its {@code docker-credential-<name>} program
     */
    static DockerConfig read(final Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw CliFailure.usage("--docker-config " + file + ": not a readable JSON file");
        }
        Map<String, RegistryCredentials> byRegistry = new HashMap<>();
        JsonNode auths = root == null ? null : root.get("auths");
        if (auths != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                entry(file, entry.getKey(), entry.getValue()).ifPresent(c -> byRegistry.put(key(entry.getKey()), c));
            }
        }
        Map<String, String> credHelpers = new HashMap<>();
        JsonNode helpers = root == null ? null : root.get("credHelpers");
        if (helpers != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = helpers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = "credHelpers." + entry.getKey();
                credHelpers.put(key(entry.getKey()), helperName(file, field, entry.getValue()));
            }
        }
        String credsStore = root == null ? "" : helperName(file, "credsStore", root.get("credsStore"));
        return new DockerConfig(byRegistry, credsStore, credHelpers);
    }

    /**
     * Returns the {@code auths} entry of a registry.
     *
     * @param image an image of the registry
     * @return the registry's credentials, if the file has some
     */
    Optional<RegistryCredentials> authsEntry(final ImageReference image) {
        return Optional.ofNullable(byRegistry.get(image.registry().toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the credential helper of a registry, chosen as Docker's CLI does ({@code getConfiguredCredentialStore}
     * in docker/cli {@code cli/config/configfile/file.go}): the registry's {@code credHelpers} entry if it has one,
     * else {@code credsStore}. An empty name means no helper: the {@code auths} entry is used, so that
     * {@code "credHelpers": {"host": ""}} exempts one registry from {@code credsStore}, as in Docker.
     *
     * @param image an image of the registry
     * @return the helper, if one is configured for the registry
     */
    Optional<Helper> helperFor(final ImageReference image) {
        String registry = image.registry().toLowerCase(Locale.ROOT);
        String perRegistry = credHelpers.get(registry);
        if (perRegistry != null) {
            return perRegistry.isEmpty() ? Optional.empty() : Optional.of(new Helper(perRegistry, "credHelpers"));
        }
        return credsStore.isEmpty() ? Optional.empty() : Optional.of(new Helper(credsStore, "credsStore"));
    }

    /**
     * A configured credential helper.
     *
     * @param name the suffix of its program, e.g. {@code pass} for {@code docker-credential-pass}
     * @param field where the file names it: {@code credHelpers} or {@code credsStore}
     */
    record Helper(String name, String field) {
        /**
         * Returns the name of the helper's program.
         *
         * @return e.g. {@code docker-credential-pass}
         */
        String program() {
            return CredentialHelper.PREFIX + name;
        }
    }

    private static String helperName(final Path file, final String field, final JsonNode node) {
        String name = node == null || !node.isTextual() ? "" : node.asText().trim();
        if (name.contains("/") || name.contains("\\")) {
            throw CliFailure.usage("--docker-config " + file + ": " + field
                    + " must name a helper by the suffix of its program docker-credential-<name>, not by a path");
        }
        return name;
    }

    private static Optional<RegistryCredentials> entry(final Path file, final String key, final JsonNode node) {
        String auth = text(node, "auth");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage("--docker-config " + file + ": auths." + key + ".auth is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw CliFailure.usage(
                        "--docker-config " + file + ": auths." + key + ".auth is not base64 of user:password");
            }
            return Optional.of(
                    RegistryCredentials.usernamePassword(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        if (!text(node, "username").isEmpty() && !text(node, "password").isEmpty()) {
            return Optional.of(RegistryCredentials.usernamePassword(text(node, "username"), text(node, "password")));
        }
        if (!text(node, "registrytoken").isEmpty()) {
            return Optional.of(RegistryCredentials.token(text(node, "registrytoken")));
        }
        return Optional.empty();
    }

    private static String text(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? "" : value.asText();
    }

    /** Normalises a key as Docker does: no scheme, no path, lower case; Docker Hub's hosts are docker.io. */
    static String key(final String raw) {
        String key = raw.trim().toLowerCase(Locale.ROOT);
        int scheme = key.indexOf("://");
        if (scheme >= 0) {
            key = key.substring(scheme + 3);
        }
        int slash = key.indexOf('/');
        if (slash >= 0) {
            key = key.substring(0, slash);
        }
        return DOCKER_HUB_KEYS.contains(key) ? ImageReference.DOCKER_HUB : key;
    }
}

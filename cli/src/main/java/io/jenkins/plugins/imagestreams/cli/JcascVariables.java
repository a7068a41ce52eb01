package io.jenkins.plugins.imagestreams.cli;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.TextStringBuilder;

/**
 * Resolves the {@code ${...}} variables of a JCasC file's string scalars the way JCasC's own resolver does, so that
 * {@code check}, {@code describe} and {@code watch} read the values Jenkins would apply:
 *
 * <ul>
 *   <li>{@code ${NAME}} is the system property {@code NAME}, else the environment variable {@code NAME} (JCasC's
 *       environment secret source);
 *   <li>{@code ${NAME:-default}} falls back to {@code default}; variables may nest;
 *   <li>{@code ^${NAME}} is the literal text {@code ${NAME}};
 *   <li>the prefixes {@code base64:}, {@code decodeBase64:}, {@code file:} / {@code readFile:} (a UTF-8 file) and
 *       {@code fileBase64:} / {@code readFileBase64:} transform their argument;
 *   <li>a variable that resolves to nothing becomes the empty string, as in JCasC, and is reported to the caller, who
 *       warns: JCasC's other secret sources (Vault, Kubernetes, AWS) are not available here.
 * </ul>
 *
 * <p>The text is substituted with Apache Commons Text's {@link StringSubstitutor}, the library JCasC uses.
 */
final class JcascVariables {
    private final Map<String, String> environment;
    private final Properties properties;

    /**
     * Creates the resolver.
     *
     * @param environment the environment variables
     * @param properties the system properties, looked up first
     */
    JcascVariables(final Map<String, String> environment, final Properties properties) {
        this.environment = Map.copyOf(environment);
        this.properties = properties;
    }

    /**
     * Returns a copy of a loaded document with every string scalar resolved.
     *
     * @param document the tree: maps, lists, strings and nulls, as {@link JcascFile} loads it
     * @param unresolved called once per scalar with its path ({@code unclassified.imageStreams.streams[0].name}) and
     *     the names that resolved to nothing
     * @return the resolved tree
     */
    Object resolve(@CheckForNull final Object document, final BiConsumer<String, List<String>> unresolved) {
        return resolve(document, "", unresolved);
    }

    private Object resolve(
            @CheckForNull final Object node, final String path, final BiConsumer<String, List<String>> unresolved) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                String child = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                copy.put(key, resolve(value, child, unresolved));
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(resolve(list.get(i), path + "[" + i + "]", unresolved));
            }
            return copy;
        }
        if (node instanceof String text && text.contains("${")) {
            Set<String> missing = new LinkedHashSet<>();
            String resolved = text(text, missing);
            if (!missing.isEmpty()) {
                unresolved.accept(path, List.copyOf(missing));
            }
            return resolved;
        }
        return node;
    }

    private String text(final String text, final Set<String> missing) {
        TextStringBuilder buffer = new TextStringBuilder(text);
        new StringSubstitutor(this::lookup)
                .setEscapeChar('^')
                .setEnableSubstitutionInVariables(true)
                .setPreserveEscapes(true)
                .replaceIn(buffer);
        new StringSubstitutor(name -> {
                    missing.add(name);
                    return "";
                })
                .setEscapeChar('^')
                .replaceIn(buffer);
        return buffer.toString();
    }

    @CheckForNull
    private String lookup(final String key) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            String argument = key.substring(colon + 1);
            switch (key.substring(0, colon)) {
                case "base64":
                    return Base64.getEncoder().encodeToString(argument.getBytes(StandardCharsets.UTF_8));
                case "decodeBase64":
                    return decoded(argument);
                case "file", "readFile":
                    return file(argument)
                            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                            .orElse(null);
                case "fileBase64", "readFileBase64":
                    return file(argument)
                            .map(bytes -> Base64.getEncoder().encodeToString(bytes))
                            .orElse(null);
                default:
                    break;
            }
        }
        String property = properties.getProperty(key);
        return property != null ? property : environment.get(key);
    }

    @CheckForNull
    private static String decoded(final String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<byte[]> file(final String name) {
        try {
            return Optional.of(Files.readAllBytes(Path.of(name)));
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}

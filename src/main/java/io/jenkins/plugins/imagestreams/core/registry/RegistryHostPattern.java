package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A pattern for registry hosts, as the allowlist and the per-registry settings take them: a host as image
 * references name it ({@code quay.io}, {@code docker.io}), which matches it on any port; a host with a port
 * ({@code registry.example.com:5000}, {@code [::1]:5000}), which matches exactly that; or a wildcard for
 * subdomains ({@code *.example.com}), which matches {@code a.example.com} and {@code b.a.example.com} on any port
 * but not {@code example.com}. Host names compare case-insensitively. Registries are compared in the form that
 * normalised image references use (distribution/reference), so {@code python} is on {@code docker.io}.
 */
public final class RegistryHostPattern {
    private static final Pattern GRAMMAR = Pattern.compile(
            "^(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$"
                    + "|^\\[[0-9a-f:.]+\\](:[0-9]{1,5})?$");
    private static final String RULE =
            "must be a registry host such as quay.io or registry.example.com:5000, or *.example.com";

    private final String text;

    private RegistryHostPattern(final String text) {
        this.text = text;
    }

    /**
     * Parses a pattern.
     *
     * @param field the field to name in an error, e.g. {@code allowedRegistries}
     * @param value e.g. {@code quay.io}, {@code registry.example.com:5000} or {@code *.example.com}; surrounding
     *     blanks are ignored
     * @return the pattern, in lower case
     * @throws InvalidValueException if the value is none of the three shapes (a URL, a path or a bare {@code *}
     *     are refused)
     */
    public static RegistryHostPattern parse(final String field, final String value) {
        String normalised = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!GRAMMAR.matcher(normalised).matches()) {
            throw new InvalidValueException(field, RULE, value);
        }
        return new RegistryHostPattern(normalised);
    }

    /**
     * Tells whether a registry matches.
     *
     * @param registry the registry of a normalised reference, e.g. {@code docker.io} or {@code 127.0.0.1:5000}
     * @return true if the pattern covers it
     */
    public boolean matches(final String registry) {
        String candidate = registry.toLowerCase(Locale.ROOT);
        if (isWildcard()) {
            return hostOf(candidate).endsWith(text.substring(1));
        }
        return hasPort(text) ? text.equals(candidate) : text.equals(hostOf(candidate));
    }

    /**
     * Tells whether every registry this pattern matches is also matched by another one; used to check that
     * the per-registry settings stay inside the allowlist.
     *
     * @param other the pattern that should contain this one
     * @return true if {@code other} matches all that this pattern matches
     */
    public boolean isWithin(final RegistryHostPattern other) {
        if (!isWildcard()) {
            return other.matches(text);
        }
        return other.isWildcard() && text.endsWith(other.text.substring(1));
    }

    /**
     * Ranks patterns that match the same registry: an exact host and port first, then a host, then wildcards,
     * longer suffixes before shorter ones.
     *
     * @return a number, higher for a more specific pattern
     */
    public int specificity() {
        if (isWildcard()) {
            return text.length();
        }
        return (hasPort(text) ? 2_000 : 1_000) + text.length();
    }

    private boolean isWildcard() {
        return text.startsWith("*.");
    }

    private static boolean hasPort(final String registry) {
        return registry.startsWith("[") ? registry.contains("]:") : registry.indexOf(':') >= 0;
    }

    /**
     * Returns the host part of a registry, without the port.
     *
     * @param registry e.g. {@code registry.example.com:5000} or {@code [::1]:5000}
     * @return e.g. {@code registry.example.com} or {@code [::1]}
     */
    public static String hostOf(final String registry) {
        if (!hasPort(registry)) {
            return registry;
        }
        return registry.substring(0, registry.lastIndexOf(':'));
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RegistryHostPattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * Returns the pattern as entered, in lower case.
     *
     * @return e.g. {@code *.example.com}
     */
    @Override
    public String toString() {
        return text;
    }
}

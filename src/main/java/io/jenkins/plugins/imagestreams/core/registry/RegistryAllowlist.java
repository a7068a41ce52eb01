package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The administrator's list of registries that tags may import from. Checked when the configuration is saved and
 * again before every import, so that a source outside the list never reaches the network.
 *
 * <p>Entries are registry hosts as image references name them ({@code quay.io}, {@code docker.io},
 * {@code registry.example.com:5000}, {@code [::1]:5000}) or a wildcard for subdomains ({@code *.example.com},
 * which matches {@code a.example.com} and {@code b.a.example.com} on any port, but not {@code example.com}). Host
 * names compare case-insensitively. An empty list allows every registry for secure imports, but none for
 * {@code insecure} ones: plain HTTP or unverified TLS is only ever allowed for a registry listed explicitly.
 */
public final class RegistryAllowlist {
    private static final Pattern ENTRY = Pattern.compile(
            "^(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$"
                    + "|^\\[[0-9a-f:.]+\\](:[0-9]{1,5})?$");

    private final List<String> entries;

    private RegistryAllowlist(final List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses the entries.
     *
     * @param entries hosts, hosts with ports, or {@code *.domain} wildcards; blank entries are ignored
     * @return the allowlist
     * @throws InvalidValueException if an entry is not a registry host or a wildcard, naming the entry
     */
    public static RegistryAllowlist of(final List<String> entries) {
        List<String> normalised = entries.stream()
                .map(e -> e == null ? "" : e.trim().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .toList();
        for (String entry : normalised) {
            if (!ENTRY.matcher(entry).matches()) {
                throw new InvalidValueException(
                        "allowedRegistries",
                        "must be a registry host such as quay.io or registry.example.com:5000, or *.example.com",
                        entry);
            }
        }
        return new RegistryAllowlist(normalised);
    }

    /**
     * Returns the list that allows every registry for secure imports.
     *
     * @return the empty allowlist
     */
    public static RegistryAllowlist allowAll() {
        return new RegistryAllowlist(List.of());
    }

    /**
     * Returns the normalised entries.
     *
     * @return lower-case entries, in the order given
     */
    public List<String> entries() {
        return entries;
    }

    /**
     * Tells whether a reference may be imported.
     *
     * @param reference the normalised reference
     * @param insecure whether the import would use plain HTTP or unverified TLS
     * @return true when the list is empty and the import is secure, or when an entry matches the registry
     */
    public boolean allows(final ImageReference reference, final boolean insecure) {
        if (entries.isEmpty()) {
            return !insecure;
        }
        String registry = reference.registry().toLowerCase(Locale.ROOT);
        return entries.stream().anyMatch(entry -> matches(entry, registry));
    }

    /**
     * Checks a reference, for save time and import time.
     *
     * @param field the field to name in the error, e.g. {@code streams.app.tags.1.0.from}
     * @param reference the normalised reference
     * @param insecure whether the import would use plain HTTP or unverified TLS
     * @throws InvalidValueException if the allowlist refuses the registry
     */
    public void check(final String field, final ImageReference reference, final boolean insecure) {
        if (!allows(reference, insecure)) {
            String rule = entries.isEmpty()
                    ? "must name a registry on the allowlist to be insecure (the allowlist is empty)"
                    : "must name a registry on the allowlist " + entries;
            throw new InvalidValueException(field, rule, reference.registry());
        }
    }

    private static boolean matches(final String entry, final String registry) {
        if (entry.startsWith("*.")) {
            return hostOf(registry).endsWith(entry.substring(1));
        }
        return hasPort(entry) ? entry.equals(registry) : entry.equals(hostOf(registry));
    }

    private static boolean hasPort(final String registry) {
        return registry.startsWith("[") ? registry.contains("]:") : registry.indexOf(':') >= 0;
    }

    private static String hostOf(final String registry) {
        if (!hasPort(registry)) {
            return registry;
        }
        return registry.substring(0, registry.lastIndexOf(':'));
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RegistryAllowlist other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}

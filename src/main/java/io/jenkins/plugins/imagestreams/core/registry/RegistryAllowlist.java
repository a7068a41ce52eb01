package io.jenkins.plugins.imagestreams.core.registry;

import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import java.util.List;

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
    private static final String FIELD = "allowedRegistries";

    private final List<RegistryHostPattern> entries;

    private RegistryAllowlist(final List<RegistryHostPattern> entries) {
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
        return new RegistryAllowlist(entries.stream()
                .filter(e -> e != null && !e.isBlank())
                .map(e -> RegistryHostPattern.parse(FIELD, e))
                .toList());
    }

    /**
     * Parses entries separated by commas, blanks or new lines, as the configuration form takes them.
     *
     * @param text e.g. {@code quay.io, *.example.com}; empty for none
     * @return the allowlist
     * @throws InvalidValueException if an entry is not a registry host or a wildcard, naming the entry
     */
    public static RegistryAllowlist parse(final String text) {
        return of(List.of((text == null ? "" : text).split("[,\\s]+")));
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
        return entries.stream().map(RegistryHostPattern::toString).toList();
    }

    /**
     * Tells whether a reference may be imported.
     *
     * @param reference the normalised reference
     * @param insecure whether the import would use plain HTTP or unverified TLS
     * @return true when the list is empty and the import is secure, or when an entry matches the registry
     */
    public boolean allows(final ImageReference reference, final boolean insecure) {
        return allows(reference.registry(), insecure);
    }

    /**
     * Tells whether a registry may be reached.
     *
     * @param registry the registry as normalised references name it, e.g. {@code docker.io} or
     *     {@code 127.0.0.1:5000}
     * @param insecure whether plain HTTP or unverified TLS would be used
     * @return true when the list is empty and access is secure, or when an entry (exact or wildcard) matches
     */
    public boolean allows(final String registry, final boolean insecure) {
        if (entries.isEmpty()) {
            return !insecure;
        }
        return entries.stream().anyMatch(entry -> entry.matches(registry));
    }

    /**
     * Tells whether every registry a pattern matches may be reached.
     *
     * @param pattern a pattern of the per-registry settings
     * @param insecure whether plain HTTP or unverified TLS would be used
     * @return true when the list is empty and access is secure, or when an entry contains the pattern
     */
    public boolean allows(final RegistryHostPattern pattern, final boolean insecure) {
        if (entries.isEmpty()) {
            return !insecure;
        }
        return entries.stream().anyMatch(pattern::isWithin);
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
            throw new InvalidValueException(field, rule(), reference.registry());
        }
    }

    /**
     * Describes what the list allows, for messages.
     *
     * @return e.g. {@code must name a registry on the allowlist [quay.io, *.example.com]}
     */
    public String rule() {
        return entries.isEmpty()
                ? "must name a registry on the allowlist to be insecure (the allowlist is empty)"
                : "must name a registry on the allowlist " + entries();
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
        return entries().toString();
    }
}

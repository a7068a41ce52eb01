package io.jenkins.plugins.imagestreams.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The elements of the plugin's JCasC schema and their attributes, as JCasC derives them from the describables in
 * {@code jenkins/config}: the {@code @DataBoundConstructor} parameters (matched by exact name, as JCasC does) and
 * the {@code @DataBoundSetter} attributes (matched ignoring case, as JCasC does). A JenkinsRule test compares these
 * lists with the attributes JCasC itself reports, so a field added to a describable cannot be forgotten here.
 */
public enum JcascElement {
    /** {@code unclassified: imageStreams:}, the global configuration ({@code ImageStreamsConfiguration}). */
    IMAGE_STREAMS("imageStreams", List.of(), List.of("streams", "allowedRegistries", "registries")),
    /** One entry of {@code registries} ({@code RegistryDefinition}): how one registry, or a wildcard, is reached. */
    REGISTRY(
            "registry",
            List.of("registry"),
            List.of("caCertificates", "insecure", "connectTimeoutSeconds", "readTimeoutSeconds")),
    /** One entry of {@code streams} ({@code ImageStreamDefinition}). */
    STREAM(
            "stream",
            List.of("name"),
            List.of(
                    "description",
                    "importIntervalMinutes",
                    "historyRevisions",
                    "historyMaxAgeHours",
                    "paused",
                    "viewers",
                    "taggers",
                    "importers",
                    "tags")),
    /** One entry of a stream's {@code tags} ({@code TagDefinition}). */
    TAG(
            "tag",
            List.of("name", "from"),
            List.of("scheduled", "insecure", "importMode", "platforms", "credentialsId", "downstreamJobs")),
    /** {@code from: registryImage:} ({@code RegistryImageSource}). */
    REGISTRY_IMAGE("registryImage", List.of("image"), List.of()),
    /** {@code from: streamTag:} ({@code StreamTagSource}). */
    STREAM_TAG("streamTag", List.of("stream", "tag"), List.of()),
    /** {@code from: alias:} ({@code AliasSource}). */
    ALIAS("alias", List.of("tag"), List.of()),
    /** {@code from: streamImage:} ({@code StreamImageSource}). */
    STREAM_IMAGE("streamImage", List.of("digest"), List.of("stream"));

    private final String symbol;
    private final List<String> constructorParameters;
    private final List<String> setterAttributes;

    JcascElement(final String symbol, final List<String> constructorParameters, final List<String> setterAttributes) {
        this.symbol = symbol;
        this.constructorParameters = constructorParameters;
        this.setterAttributes = setterAttributes;
    }

    /**
     * Returns the element's JCasC symbol.
     *
     * @return e.g. {@code registryImage}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Returns the attributes that JCasC passes to the constructor; their names must match exactly.
     *
     * @return the names, in constructor order
     */
    public List<String> constructorParameters() {
        return constructorParameters;
    }

    /**
     * Returns the attributes that JCasC sets through setters; their names match ignoring case.
     *
     * @return the names
     */
    public List<String> setterAttributes() {
        return setterAttributes;
    }

    /**
     * Returns every attribute of the element.
     *
     * @return the constructor parameters, then the setter attributes
     */
    public List<String> attributes() {
        List<String> all = new ArrayList<>(constructorParameters);
        all.addAll(setterAttributes);
        return all;
    }

    /**
     * Finds the attribute a key names: a constructor parameter by its exact name, a setter attribute ignoring case.
     *
     * @param key the key as written in the YAML file
     * @return the attribute's name, or empty when the element has no such attribute
     */
    public Optional<String> attribute(final String key) {
        if (constructorParameters.contains(key)) {
            return Optional.of(key);
        }
        return setterAttributes.stream().filter(a -> a.equalsIgnoreCase(key)).findFirst();
    }

    /**
     * Returns the kinds of tag source, the symbols a {@code from} may hold.
     *
     * @return registry image, stream tag, alias and stream image
     */
    public static List<JcascElement> sources() {
        return List.of(REGISTRY_IMAGE, STREAM_TAG, ALIAS, STREAM_IMAGE);
    }

    /**
     * Finds a tag source kind by symbol, ignoring case as JCasC does.
     *
     * @param symbol the symbol as written
     * @return the kind, or empty when no source has that symbol
     */
    public static Optional<JcascElement> source(final String symbol) {
        String lower = symbol.toLowerCase(Locale.ROOT);
        return sources().stream()
                .filter(s -> s.symbol.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }
}

package io.jenkins.plugins.imagestreams.testing.jenkins;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamDefinition;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.config.RegistryImageSource;
import io.jenkins.plugins.imagestreams.jenkins.config.TagDefinition;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Stream definitions over the test registry, set in the running Jenkins' global configuration. */
public final class JenkinsStreams {
    private JenkinsStreams() {}

    /**
     * A registry tag of the plain test registry, insecure (the registry is allowlisted by {@link #configure}).
     *
     * @param registry the registry
     * @param tag the tag name, also the registry tag
     * @param repository e.g. {@code demo/app}
     * @return the definition, to which tests may add {@code downstreamJobs}
     */
    public static TagDefinition registryTag(final LocalRegistry registry, final String tag, final String repository) {
        TagDefinition definition =
                new TagDefinition(tag, new RegistryImageSource(registry.imageReference(repository, tag)));
        definition.setInsecure(true);
        return definition;
    }

    /**
     * A stream definition.
     *
     * @param name the stream name
     * @param tags its tags
     * @return the definition
     */
    public static ImageStreamDefinition stream(final String name, final TagDefinition... tags) {
        ImageStreamDefinition stream = new ImageStreamDefinition(name);
        stream.setTags(List.of(tags));
        return stream;
    }

    /**
     * Allowlists the registry and replaces the configured streams.
     *
     * @param registry the registry
     * @param streams the streams
     */
    public static void configure(final LocalRegistry registry, final ImageStreamDefinition... streams) {
        ImageStreamsConfiguration configuration = ImageStreamsConfiguration.get();
        configuration.setAllowedRegistries(registry.hostAndPort());
        configuration.setStreams(List.of(streams));
    }

    /**
     * Configures stream {@code app} with tag {@code latest} from {@code demo/app:latest}.
     *
     * @param registry the registry
     * @return the tag definition
     */
    public static TagDefinition configureApp(final LocalRegistry registry) {
        TagDefinition latest = registryTag(registry, "latest", "demo/app");
        configure(registry, stream("app", latest));
        return latest;
    }

    /**
     * Moves {@code demo/app:latest} in the registry to a new image and asks for an import of {@code app:latest}, so
     * that the next tick imports the move whatever the schedule says.
     *
     * @param registry the registry
     * @return the new digest
     * @throws IOException if the registry refuses the push
     * @throws InterruptedException if interrupted
     */
    public static String moveApp(final LocalRegistry registry) throws IOException, InterruptedException {
        String moved = registry.moveTag("demo/app", "latest", ManifestFormat.OCI_MANIFEST);
        ImageStreamsService.get().streams().requestImport("app", "latest");
        return moved;
    }

    /**
     * Moves {@code demo/app:latest} in the registry and records the push on {@code app:latest}, as a pipeline's
     * record-push step would: the tag moves in the status at once, without an import and without a trigger
     * evaluation.
     *
     * @param registry the registry
     * @return the new digest
     * @throws IOException if the registry refuses the push
     * @throws InterruptedException if interrupted
     */
    public static String pushApp(final LocalRegistry registry) throws IOException, InterruptedException {
        String pushed = registry.moveTag("demo/app", "latest", ManifestFormat.OCI_MANIFEST);
        ImageStreamsService.get()
                .streams()
                .recordPush(
                        "app",
                        "latest",
                        ImageReference.parse(registry.imageReference("demo/app", pushed)),
                        Map.of(),
                        "tester");
        return pushed;
    }

    /**
     * Returns a tag's current digest.
     *
     * @param stream the stream
     * @param tag the tag
     * @return {@code sha256:<64 hex>}, or null when the tag has none
     */
    public static String current(final String stream, final String tag) {
        return ImageStreamsService.get()
                .streams()
                .current(stream, tag)
                .map(TagEvent::digest)
                .map(Object::toString)
                .orElse(null);
    }
}

package io.jenkins.plugins.imagestreams.core.spec;

import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.Names;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads one entry of a stream's {@code tags} with the defaults and conversions of the plugin's {@code TagDefinition}:
 * {@code scheduled} true, {@code insecure} false, {@code importMode} {@code PreserveOriginal} when blank, platforms
 * separated by commas or white space, an empty {@code credentialsId} for anonymous, and {@code downstreamJobs} as
 * comma-separated job full names.
 */
final class TagReader {
    private TagReader() {}

    /**
     * A tag with what the core model does not hold.
     *
     * @param tag the tag's spec
     * @param sourcePath the path of its {@code from}'s symbol, e.g. {@code ...tags[0].from.registryImage}
     * @param downstreamJobs the job full names to trigger, in the order given
     * @param node the tag's node
     */
    record Read(TagReference tag, String sourcePath, List<String> downstreamJobs, SpecNode node) {}

    static Optional<Read> read(final SpecNode node, final Problems problems) {
        int before = problems.count();
        Attributes attributes = Attributes.read(node, JcascElement.TAG, problems);
        if (!attributes.readable()) {
            return Optional.empty();
        }
        String name = attributes.text("name", "").trim();
        problems.at(attributes.get("name").path(), () -> Names.requireTagName("tag", name));
        Optional<SourceReader.Read> from = SourceReader.read(attributes.get("from"), problems);
        Optional<ImportPolicy> policy = policy(attributes, problems);
        List<String> jobs = jobs(attributes.text("downstreamJobs", ""));
        if (problems.count() > before || from.isEmpty() || policy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Read(
                new TagReference(name, from.get().source(), policy.get()),
                from.get().path(),
                jobs,
                node));
    }

    private static Optional<ImportPolicy> policy(final Attributes attributes, final Problems problems) {
        boolean scheduled = attributes.bool("scheduled", true);
        boolean insecure = attributes.bool("insecure", false);
        String mode = attributes.text("importMode", "").trim();
        Optional<ImportMode> importMode = problems.at(
                attributes.get("importMode").path(),
                () -> ImportMode.parse(mode.isEmpty() ? ImportMode.PRESERVE_ORIGINAL.wireName() : mode));
        List<Platform> platforms = new ArrayList<>();
        String platformsPath = attributes.get("platforms").path();
        for (String platform : attributes.text("platforms", "").trim().split("[,\\s]+")) {
            if (!platform.isEmpty()) {
                problems.at(platformsPath, () -> Platform.parse(platform)).ifPresent(platforms::add);
            }
        }
        String credentialsId = attributes.text("credentialsId", "").trim();
        return importMode.flatMap(m -> problems.at(
                e -> attributes.get(e.getField()).path(),
                () -> new ImportPolicy(
                        scheduled,
                        insecure,
                        m,
                        platforms,
                        credentialsId.isEmpty() ? Optional.empty() : Optional.of(credentialsId))));
    }

    /**
     * Splits the downstream jobs the way Jenkins splits a "Build other projects" list: at commas, trimmed, empty
     * entries dropped.
     */
    static List<String> jobs(final String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(j -> !j.isEmpty())
                .toList();
    }
}

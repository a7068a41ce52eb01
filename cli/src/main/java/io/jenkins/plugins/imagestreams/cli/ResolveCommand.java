package io.jenkins.plugins.imagestreams.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code imagestreams resolve REFERENCE}: one reference to its manifest digest, with one {@code HEAD} and the
 * four-type Accept, as the plugin imports it (like {@code skopeo inspect --format '{{.Digest}}'}).
 */
@Command(
        name = "resolve",
        description = {
            "Resolves one image reference to its manifest digest, the digest docker pull shows.",
            "For an index or manifest list, --platforms also prints each platform's digest."
        })
final class ResolveCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Parameters(paramLabel = "REFERENCE", description = "an image reference as docker pull takes it, e.g. python:3.12")
    private String reference;

    @Option(names = "--platforms", description = "also print the digest of each platform of an index")
    private boolean platforms;

    @Option(names = "--insecure", description = "allow plain HTTP and unverified TLS for this registry")
    private boolean insecure;

    @Option(
            names = "--credentials",
            paramLabel = "ID",
            description = "take credentials from IMAGESTREAMS_CREDENTIALS_<ID>_TOKEN, or _USERNAME and _PASSWORD")
    private String credentialsId;

    @Mixin
    private OutputFormat output;

    @Override
    public Integer call() {
        ImageReference image;
        try {
            image = ImageReference.parse(reference.trim());
        } catch (InvalidValueException e) {
            throw CliFailure.usage("REFERENCE: " + e.getMessage());
        }
        RegistryCredentials credentials = registry.credentials(
                        main.context().environment(), spec.commandLine().getErr())
                .forReference(Optional.ofNullable(credentialsId), image);
        ResolvedImage resolved;
        try {
            resolved = registry.client(main.context().clock())
                    .resolve(
                            image, credentials, new ResolveOptions(Optional.empty(), insecure, registry.deadline(), 1));
        } catch (RegistryException e) {
            throw CliFailure.failed(List.of(e.reason() + ": " + e.getMessage()));
        }
        print(spec.commandLine().getOut(), image, resolved);
        return ExitCodes.OK;
    }

    private void print(final PrintWriter out, final ImageReference image, final ResolvedImage resolved) {
        Map<String, Digest> children = platforms ? resolved.platformDigests() : Map.of();
        if (output.json()) {
            ObjectNode json = Json.object();
            json.put("reference", image.toString());
            json.put("digest", resolved.digest().toString());
            json.put("mediaType", resolved.mediaType());
            json.put("pullSpec", image.name() + "@" + resolved.digest());
            if (platforms) {
                json.set("platforms", Json.platforms(children));
            }
            out.println(Json.pretty(json));
            return;
        }
        out.println(resolved.digest());
        children.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("%-16s %s%n", e.getKey(), e.getValue()));
    }
}

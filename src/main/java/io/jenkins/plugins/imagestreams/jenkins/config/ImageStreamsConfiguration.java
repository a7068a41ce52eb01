package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.security.Permission;
import hudson.util.FormValidation;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The global configuration of the plugin: the ImageStream definitions (the spec). JCasC reaches it as
 * {@code unclassified: imageStreams:}. Status (tag history, conditions, trigger state) is kept apart, in the
 * plugin's own state files, so that saving this page or reapplying JCasC never erases it.
 *
 * <p>Every stream is validated with the core's rules before it is accepted; an invalid definition is
 * rejected as a whole, with a message naming the stream, the field and the rule, and the previous
 * configuration stays in force.
 */
@Extension
@Symbol("imageStreams")
public class ImageStreamsConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(ImageStreamsConfiguration.class.getName());

    private List<ImageStreamDefinition> streams = new ArrayList<>();
    private String allowedRegistries = "";

    /** The validated model of {@link #streams}, computed once per change. */
    private transient volatile List<ImageStream> model;

    /** Loads the saved configuration, as every {@link GlobalConfiguration} does. */
    public ImageStreamsConfiguration() {
        super();
        load();
    }

    /**
     * Returns the singleton instance.
     *
     * @return the configuration registered as an extension
     * @throws IllegalStateException if Jenkins is not running
     */
    public static ImageStreamsConfiguration get() {
        return ExtensionList.lookupSingleton(ImageStreamsConfiguration.class);
    }

    /**
     * Returns the stream definitions as entered.
     *
     * @return the definitions, in display order
     */
    public List<ImageStreamDefinition> getStreams() {
        return List.copyOf(streams);
    }

    /**
     * Replaces the stream definitions, after validating all of them, and saves.
     *
     * @param streams the new definitions; {@code null} means none
     * @throws InvalidValueException if a definition breaks a rule; nothing changes then
     */
    @DataBoundSetter
    public void setStreams(final List<ImageStreamDefinition> streams) {
        List<ImageStreamDefinition> next = streams == null ? new ArrayList<>() : new ArrayList<>(streams);
        List<ImageStream> validated = validate(next, toAllowlist());
        this.streams = next;
        this.model = validated;
        save();
    }

    /**
     * Returns a stream's own access lists.
     *
     * @param stream the stream name
     * @return the lists; {@link StreamAccess#OPEN} for an unknown stream or one without lists
     */
    public StreamAccess accessOf(final String stream) {
        return streams.stream()
                .filter(d -> d.getName().equals(stream))
                .findFirst()
                .map(ImageStreamDefinition::toAccess)
                .orElse(StreamAccess.OPEN);
    }

    /**
     * Returns the registry allowlist as entered.
     *
     * @return entries separated by commas or new lines; empty allows every registry for secure imports
     */
    public String getAllowedRegistries() {
        return allowedRegistries;
    }

    /**
     * Sets the registry allowlist and saves. Streams already configured are checked again before every import.
     *
     * @param allowedRegistries entries such as {@code quay.io}, {@code registry.example.com:5000} or
     *     {@code *.example.com}, separated by commas or new lines
     * @throws InvalidValueException if an entry is not a registry host or wildcard; nothing changes then
     */
    @DataBoundSetter
    public void setAllowedRegistries(final String allowedRegistries) {
        String next = allowedRegistries == null ? "" : allowedRegistries.trim();
        parseAllowlist(next);
        this.allowedRegistries = next;
        save();
    }

    /**
     * Returns the registry allowlist.
     *
     * @return the parsed allowlist
     */
    public RegistryAllowlist toAllowlist() {
        return parseAllowlist(allowedRegistries);
    }

    private static RegistryAllowlist parseAllowlist(final String text) {
        return RegistryAllowlist.of(List.of(text.split("[,\\s]+")));
    }

    /**
     * Returns the validated core model of every stream.
     *
     * @return the streams
     */
    public List<ImageStream> toModel() {
        List<ImageStream> current = model;
        if (current == null) {
            current = loadedModel();
            model = current;
        }
        return current;
    }

    /**
     * Converts definitions read from disk. A definition that breaks a rule (a hand-edited file, or a rule that
     * became stricter) is left out of the model and logged, so that one bad stream does not stop the others;
     * it stays in the configuration for the administrator to fix.
     */
    private List<ImageStream> loadedModel() {
        List<ImageStream> valid = new ArrayList<>();
        for (ImageStreamDefinition definition : streams) {
            try {
                valid.add(definition.toModel());
            } catch (InvalidValueException e) {
                LOGGER.log(Level.WARNING, "ImageStream {0} is ignored until fixed: {1}", new Object[] {
                    definition.getName(), e.getMessage()
                });
            }
        }
        return List.copyOf(valid);
    }

    private static void checkAllowlist(final ImageStream stream, final RegistryAllowlist allowlist) {
        for (TagReference tag : stream.tags()) {
            if (tag.from() instanceof TagSource.RegistryImage image) {
                allowlist.check(
                        "tags." + tag.name() + ".from",
                        image.image(),
                        tag.importPolicy().insecure());
            }
        }
    }

    @Override
    public synchronized void save() {
        super.save();
        ExtensionList.lookup(ImageStreamsService.class).forEach(ImageStreamsService::reconcileAll);
    }

    /**
     * Lets users with Overall/Manage (which implies ImageStream/Configure) edit the streams, not only
     * administrators.
     *
     * @return {@link Jenkins#MANAGE}
     */
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.MANAGE;
    }

    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        List<ImageStreamDefinition> previousStreams = streams;
        String previousAllowlist = allowedRegistries;
        try {
            setAllowedRegistries(json.optString("allowedRegistries", ""));
            streams = new ArrayList<>();
            req.bindJSON(this, json);
        } catch (InvalidValueException e) {
            streams = previousStreams;
            allowedRegistries = previousAllowlist;
            model = null;
            save();
            throw new Descriptor.FormException(
                    e.getMessage(), e, e.getField().startsWith("allowed") ? "allowedRegistries" : "streams");
        }
        return true;
    }

    /**
     * Validates the allowlist as you type; needs ImageStream/Configure.
     *
     * @param value the entries
     * @return ok, or an error naming the bad entry
     */
    @POST
    public FormValidation doCheckAllowedRegistries(@QueryParameter final String value) {
        return new FormChecks().ifPermitted(() -> {
            try {
                parseAllowlist(value == null ? "" : value);
                return FormValidation.ok();
            } catch (InvalidValueException e) {
                return FormValidation.error(e.getMessage());
            }
        });
    }

    private static List<ImageStream> validate(
            final List<ImageStreamDefinition> definitions, final RegistryAllowlist allowlist) {
        Set<String> names = new HashSet<>();
        List<ImageStream> validated = new ArrayList<>();
        for (ImageStreamDefinition definition : definitions) {
            try {
                ImageStream stream = definition.toModel();
                checkAllowlist(stream, allowlist);
                validated.add(stream);
            } catch (InvalidValueException e) {
                throw e.within("streams." + definition.getName());
            }
            if (!names.add(definition.getName())) {
                throw new InvalidValueException("streams", "must not define a stream twice", definition.getName());
            }
        }
        return List.copyOf(validated);
    }
}

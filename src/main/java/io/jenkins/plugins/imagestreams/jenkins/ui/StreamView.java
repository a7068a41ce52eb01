package io.jenkins.plugins.imagestreams.jenkins.ui;

import hudson.model.Api;
import hudson.model.ModelObject;
import hudson.model.User;
import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.InvalidValueException;
import io.jenkins.plugins.imagestreams.core.RollbackTarget;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.polling.ImageStreamsPoller;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccessCheck;
import io.jenkins.plugins.imagestreams.jenkins.trigger.TriggerService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The page of one stream ({@code /manage/imagestreams/<stream>/}), like {@code oc describe is <stream>}, and
 * its actions. Reads need ImageStream/View; actions are POST only and check ImageStream/Tag or /Import first. An
 * action the core refuses changes nothing and answers 400 with a Jenkins page that says why and links back.
 * As a {@link ModelObject} it names itself in the breadcrumb: Manage Jenkins › ImageStreams › stream.
 */
@ExportedBean
@Restricted(NoExternalUse.class)
public final class StreamView implements ModelObject {
    private final ImageStream spec;
    private final ImageStreams service;
    private final JenkinsFacade jenkins;
    private final StreamAccess access;
    private final StreamAccessCheck check;
    private final ImageStreamsPoller poller;

    StreamView(
            final ImageStream spec,
            final ImageStreams service,
            final JenkinsFacade jenkins,
            final StreamAccess access,
            final ImageStreamsPoller poller) {
        this.spec = spec;
        this.service = service;
        this.jenkins = jenkins;
        this.access = access;
        this.check = new StreamAccessCheck(jenkins);
        this.poller = poller;
    }

    boolean isVisible() {
        return check.allows(access, StreamAccess.StreamAction.VIEW);
    }

    /** @return the stream name */
    @Exported
    public String getName() {
        return spec.name();
    }

    /** @return the stream name, for the breadcrumb and the page title */
    @Override
    public String getDisplayName() {
        return spec.name();
    }

    /** @return the description */
    @Exported
    public String getDescription() {
        return spec.description();
    }

    /** @return the import interval in minutes */
    @Exported
    public long getImportIntervalMinutes() {
        return spec.importInterval().toMinutes();
    }

    /** @return whether imports and triggers are suspended */
    @Exported
    public boolean isPaused() {
        return spec.paused();
    }

    /**
     * Returns every tag with its schedule (when it is due next) and its downstream jobs.
     *
     * @return the tags of the spec in their order, then tags made by operations, sorted
     */
    @Exported
    public List<TagView> getTags() {
        ImageStreamStatus status = service.status(spec.name());
        StreamActivity activity = StreamActivity.read(
                spec,
                status,
                poller.importer(),
                TriggerService.get().subscriptions(),
                TriggerService.get().subscriptionStore(),
                jenkins,
                Instant.now());
        return tagViews(status, Optional.of(activity));
    }

    private List<TagView> tagViews(final ImageStreamStatus status, final Optional<StreamActivity> activity) {
        Set<String> names = new LinkedHashSet<>();
        spec.tags().forEach(t -> names.add(t.name()));
        names.addAll(status.tags().keySet());
        List<TagView> views = new ArrayList<>();
        for (String tag : names) {
            String resolved =
                    spec.tag(tag).isPresent() && !spec.resolveAlias(tag).equals(tag)
                            ? spec.resolveAlias(tag)
                            : status.tag(tag).flatMap(TagHistory::aliasOf).orElse(tag);
            views.add(new TagView(tag, spec.tag(tag), status.tag(resolved), resolved, activity));
        }
        return views;
    }

    /** @return the number of tags in the spec */
    public int getSpecTagCount() {
        return spec.tags().size();
    }

    /**
     * Counts failing imports, each once, at the tag that imports: aliases show their target's condition and copies
     * fail when their source has no digest, so neither is counted again (see {@link TagView#isFailingImport()}).
     *
     * @return the number of registry tags whose last import failed
     */
    public long getFailingTagCount() {
        return tagViews(service.status(spec.name()), Optional.empty()).stream()
                .filter(TagView::isFailingImport)
                .count();
    }

    /** @return whether the current user may tag, roll back and delete */
    public boolean isTagAllowed() {
        return check.allows(access, StreamAccess.StreamAction.TAG);
    }

    /** @return whether the current user may ask for imports */
    public boolean isImportAllowed() {
        return check.allows(access, StreamAccess.StreamAction.IMPORT);
    }

    /** @return the REST API of this page */
    public Api getApi() {
        check.check(spec.name(), access, StreamAccess.StreamAction.VIEW);
        return new Api(this);
    }

    /**
     * Asks for an import of a registry tag ("import now"). Needs ImageStream/Import.
     *
     * @param tag the tag
     * @return a redirect back to the page
     */
    @RequirePOST
    public HttpResponse doImportNow(@QueryParameter final String tag) {
        check.check(spec.name(), access, StreamAccess.StreamAction.IMPORT);
        return perform(() -> service.requestImport(spec.name(), tag));
    }

    /**
     * Rolls a tag back to an entry of its history. Needs ImageStream/Tag.
     *
     * @param tag the tag
     * @param to {@code previous}, a number of entries back, or a digest from the history
     * @return a redirect back to the page
     */
    @RequirePOST
    public HttpResponse doRollback(@QueryParameter final String tag, @QueryParameter final String to) {
        check.check(spec.name(), access, StreamAccess.StreamAction.TAG);
        return perform(() -> service.rollback(spec.name(), tag, RollbackTarget.parse(to), currentUser()));
    }

    /**
     * Deletes a tag that is not in the configuration; its history is archived. Needs ImageStream/Tag.
     *
     * @param tag the tag
     * @return a redirect back to the page
     */
    @RequirePOST
    public HttpResponse doDeleteTag(@QueryParameter final String tag) {
        check.check(spec.name(), access, StreamAccess.StreamAction.TAG);
        return perform(() -> service.deleteTag(spec.name(), tag));
    }

    /**
     * Runs an action the permission check has let through.
     *
     * @return a redirect to the page; or, when the core refuses the input (it then changed nothing), the page
     *     {@code failed.jelly}: status 400, the core's message naming the field and the rule, and a link back
     */
    private HttpResponse perform(final Runnable operation) {
        try {
            operation.run();
            return HttpResponses.redirectToDot();
        } catch (InvalidValueException e) {
            return HttpResponses.forwardToView(this, "failed").with("message", e.getMessage());
        }
    }

    private static String currentUser() {
        User user = User.current();
        return user == null ? "anonymous" : user.getId();
    }

    /** @return the spec tags, for the page */
    public List<TagReference> getSpecTags() {
        return spec.tags();
    }
}

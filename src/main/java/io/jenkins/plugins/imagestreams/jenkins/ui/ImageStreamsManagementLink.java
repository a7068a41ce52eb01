package io.jenkins.plugins.imagestreams.jenkins.ui;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Api;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.Messages;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.polling.ImageStreamsPoller;
import io.jenkins.plugins.imagestreams.jenkins.security.ImageStreamPermissions;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * {@code Manage Jenkins → ImageStreams}: every stream with its tags, digests and conditions, and a page per
 * stream ({@code /manage/imagestreams/<stream>/}) with history and actions, like {@code oc describe is}. Every
 * page and {@code api/json} needs ImageStream/View.
 */
@Extension
@ExportedBean
@Restricted(NoExternalUse.class)
public class ImageStreamsManagementLink extends ManagementLink {
    private final JenkinsFacade jenkins = new JenkinsFacade();

    @Override
    public String getIconFileName() {
        return "symbol-layers-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return Messages.ImageStreamsManagementLink_displayName();
    }

    @Override
    public String getDescription() {
        return Messages.ImageStreamsManagementLink_description();
    }

    @Override
    public String getUrlName() {
        return "imagestreams";
    }

    @Override
    public Category getCategory() {
        return Category.TOOLS;
    }

    @Override
    public Permission getRequiredPermission() {
        return ImageStreamPermissions.VIEW;
    }

    /** @return every stream, in configuration order */
    @Exported(inline = true)
    public List<StreamView> getStreams() {
        jenkins.checkPermission(ImageStreamPermissions.VIEW);
        return ImageStreamsConfiguration.get().toModel().stream()
                .map(this::view)
                .filter(StreamView::isVisible)
                .toList();
    }

    /**
     * Returns the page of one stream, for URLs like {@code /manage/imagestreams/python/}.
     *
     * @param name the stream name
     * @return the page, or {@code null} (404) when no stream has that name
     */
    public StreamView getDynamic(final String name) {
        jenkins.checkPermission(ImageStreamPermissions.VIEW);
        return ImageStreamsConfiguration.get().toModel().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .map(this::view)
                .filter(StreamView::isVisible)
                .orElse(null);
    }

    /** @return the REST API: {@code /manage/imagestreams/api/json?depth=2} */
    public Api getApi() {
        jenkins.checkPermission(ImageStreamPermissions.VIEW);
        return new Api(this);
    }

    private StreamView view(final ImageStream stream) {
        return new StreamView(
                stream,
                ImageStreamsService.get().streams(),
                jenkins,
                ImageStreamsConfiguration.get().accessOf(stream.name()),
                ExtensionList.lookupSingleton(ImageStreamsPoller.class));
    }
}

package io.jenkins.plugins.imagestreams.jenkins.config;

import hudson.Extension;
import hudson.ExtensionList;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;

/**
 * The global configuration of the plugin: the ImageStream definitions (the spec). JCasC reaches it as
 * {@code unclassified: imageStreams:}. Status (tag history, conditions, trigger state) is kept apart,
 * in the plugin's own state files, so that saving this page or reapplying JCasC never erases it.
 */
@Extension
@Symbol("imageStreams")
public class ImageStreamsConfiguration extends GlobalConfiguration {
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
}

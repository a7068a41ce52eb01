package io.jenkins.plugins.imagestreams.jenkins.polling;

import hudson.ExtensionList;

/**
 * For JenkinsRule tests outside this package that drive the poller by hand: no periodic tick while the test runs,
 * no quiet period, and one cycle on demand.
 */
public final class ManualPolling {
    private ManualPolling() {}

    /** Keeps the periodic poller from running during the test; call before Jenkins starts (a static block). */
    public static void install() {
        System.setProperty(ImageStreamsPoller.class.getName() + ".quietPeriodSeconds", "0");
        System.setProperty(ImageStreamsPoller.class.getName() + ".periodSeconds", "86400");
        System.setProperty(ImageStreamsPoller.class.getName() + ".initialDelaySeconds", "86400");
    }

    /**
     * Runs one import cycle and one trigger evaluation.
     *
     * @throws InterruptedException if interrupted
     */
    public static void runOnce() throws InterruptedException {
        ExtensionList.lookupSingleton(ImageStreamsPoller.class).runOnce();
    }
}

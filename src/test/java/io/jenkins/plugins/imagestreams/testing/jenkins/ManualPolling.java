package io.jenkins.plugins.imagestreams.testing.jenkins;

import hudson.ExtensionList;
import io.jenkins.plugins.imagestreams.jenkins.polling.ImageStreamsPoller;
import java.util.HashMap;
import java.util.Map;
import org.junit.rules.ExternalResource;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Keeps the poller from ticking on its own in a Jenkins test, so that the test decides when it ticks
 * ({@link #tick()}): the first tick and the period are a day away, and the triggers' quiet period is zero. A
 * {@code @ClassRule}, so the system properties are set before any Jenkins of the class starts, and restored after.
 *
 * <pre>{@code
 * @ClassRule public static final ManualPolling POLLING = new ManualPolling();
 * @Rule public JenkinsRule j = new JenkinsRule();
 * }</pre>
 */
public final class ManualPolling extends ExternalResource {
    private static final String PREFIX = ImageStreamsPoller.class.getName() + ".";
    private static final Map<String, String> PROPERTIES =
            Map.of("quietPeriodSeconds", "0", "periodSeconds", "86400", "initialDelaySeconds", "86400");

    private final Map<String, String> previous = new HashMap<>();

    @Override
    protected void before() {
        PROPERTIES.forEach((name, value) -> previous.put(name, System.setProperty(PREFIX + name, value)));
    }

    @Override
    protected void after() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(PREFIX + name);
            } else {
                System.setProperty(PREFIX + name, value);
            }
        });
    }

    /**
     * Runs one tick of the running Jenkins' poller (one import cycle and one trigger evaluation).
     *
     * @throws InterruptedException if interrupted
     */
    public static void tick() throws InterruptedException {
        ExtensionList.lookupSingleton(ImageStreamsPoller.class).runOnce();
    }

    /**
     * Runs one tick, then waits until the builds it scheduled have finished.
     *
     * @param j the running Jenkins
     * @throws Exception if interrupted or a build hangs
     */
    public static void tickAndWait(final JenkinsRule j) throws Exception {
        tick();
        j.waitUntilNoActivity();
    }
}

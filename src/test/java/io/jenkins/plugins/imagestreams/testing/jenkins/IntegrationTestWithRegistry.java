package io.jenkins.plugins.imagestreams.testing.jenkins;

import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import org.junit.ClassRule;
import org.junit.Rule;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The base of the Jenkins tests that import from the plain test registry: a Jenkins per test, a registry per test,
 * and a poller that ticks only when told ({@link ManualPolling}). The stream {@code app} of
 * {@link JenkinsStreams#configureApp} reads {@value #REPOSITORY}{@code :latest}.
 */
public abstract class IntegrationTestWithRegistry {
    /** The registry repository of stream {@code app}. */
    protected static final String REPOSITORY = "demo/app";

    /** Keeps the poller from ticking on its own. */
    @ClassRule
    public static final ManualPolling POLLING = new ManualPolling();

    /** The Jenkins of the test. */
    @Rule
    public JenkinsRule j = new JenkinsRule();

    /** The registry of the test. */
    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    /**
     * Moves {@code demo/app:latest}, asks for its import, runs one tick and waits for the builds it scheduled.
     *
     * @return the new digest
     * @throws Exception if the registry refuses the push or a build hangs
     */
    protected String moveAndPoll() throws Exception {
        String moved = JenkinsStreams.moveApp(registry);
        ManualPolling.tickAndWait(j);
        return moved;
    }
}

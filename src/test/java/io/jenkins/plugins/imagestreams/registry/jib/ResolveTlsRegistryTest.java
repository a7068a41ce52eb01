package io.jenkins.plugins.imagestreams.registry.jib;

import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import org.junit.ClassRule;

/** {@link ResolveContract} against the {@code tls} fixture variant. */
public class ResolveTlsRegistryTest extends ResolveContract {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.tls();

    @Override
    protected LocalRegistry registry() {
        return registry;
    }

    @Override
    protected RegistryCredentials credentials() {
        return RegistryCredentials.anonymous();
    }
}

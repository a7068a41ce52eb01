package io.jenkins.plugins.imagestreams.registry.jib;

import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import org.junit.ClassRule;

/** {@link ResolveContract} against the {@code plain} fixture variant. */
public class ResolvePlainRegistryTest extends ResolveContract {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.plain();

    @Override
    protected LocalRegistry registry() {
        return registry;
    }

    @Override
    protected RegistryCredentials credentials() {
        return RegistryCredentials.anonymous();
    }
}

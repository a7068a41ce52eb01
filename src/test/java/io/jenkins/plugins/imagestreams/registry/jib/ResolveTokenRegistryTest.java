package io.jenkins.plugins.imagestreams.registry.jib;

import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import org.junit.ClassRule;

/** {@link ResolveContract} against the {@code token} fixture variant. */
public class ResolveTokenRegistryTest extends ResolveContract {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.token();

    @Override
    protected LocalRegistry registry() {
        return registry;
    }

    @Override
    protected RegistryCredentials credentials() {
        return RegistryCredentials.usernamePassword(registry.username(), registry.password());
    }
}

package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.image.ImageReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolveOptions;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import io.jenkins.plugins.imagestreams.core.registry.TagList;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts resolves as they finish and, when standard error is a terminal and many tags are resolved, redraws one line
 * there ({@code resolving tags: 12/40}). Never on standard output, never when standard error is a file or a pipe.
 */
final class Progress implements RegistryClient {
    /** From this many tags on, progress is shown. */
    static final int MANY = 5;

    private final RegistryClient delegate;
    private final PrintWriter err;
    private final int total;
    private final boolean shown;
    private final AtomicInteger done = new AtomicInteger();

    Progress(final RegistryClient delegate, final PrintWriter err, final int total, final boolean terminal) {
        this.delegate = delegate;
        this.err = err;
        this.total = total;
        this.shown = terminal && total >= MANY;
    }

    @Override
    public ResolvedImage resolve(
            final ImageReference reference, final RegistryCredentials credentials, final ResolveOptions options)
            throws RegistryException {
        try {
            return delegate.resolve(reference, credentials, options);
        } finally {
            tick();
        }
    }

    @Override
    public TagList listTags(
            final ImageReference repository, final RegistryCredentials credentials, final ResolveOptions options)
            throws RegistryException {
        return delegate.listTags(repository, credentials, options);
    }

    private void tick() {
        int now = done.incrementAndGet();
        if (shown) {
            synchronized (err) {
                err.print("\rresolving tags: " + now + "/" + total);
                err.flush();
            }
        }
    }

    /** Clears the progress line, if one was drawn. */
    void finish() {
        if (shown && done.get() > 0) {
            synchronized (err) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}

package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.TagResult;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import java.util.List;

/**
 * Pins copies and pins right after an import cycle. The core's cycle reconciles before it imports, so a copy of a
 * tag imported in the same cycle would only be pinned one cycle later (a minute later, in the plugin); the command
 * line runs few cycles, so it reconciles again at once, until nothing changes.
 */
final class CopyPinning {
    private CopyPinning() {}

    /**
     * Reconciles the streams until no copy or pin changes; at most once per stream plus one, which settles a chain of
     * copies across all of them.
     *
     * @param service the service
     * @param streams the streams, in file order
     */
    static void settle(final ImageStreams service, final List<ImageStream> streams) {
        for (int round = 0; round <= streams.size(); round++) {
            boolean changed = false;
            for (ImageStream stream : streams) {
                changed |= service.reconcile(stream.name()).stream().anyMatch(TagResult::changed);
            }
            if (!changed) {
                return;
            }
        }
    }
}

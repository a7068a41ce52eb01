package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.model.InvisibleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ImageStream digests that a build used although no tag started it (a manual, timer, SCM or upstream build
 * of a subscribed job): the current digest of each tag the job subscribes to, recorded when the build started.
 * Saved with the build, it is part of the job's own record, so the tag does not trigger the same digest again, and
 * it gives the build the {@code IMAGESTREAM_*} variables.
 */
public class ImageStreamDigestsAction extends InvisibleAction {
    private final ArrayList<ImageStreamCause> digests;

    /**
     * Creates the record.
     *
     * @param digests one entry per subscribed tag, shaped like the cause a tag would have given
     */
    public ImageStreamDigestsAction(final List<ImageStreamCause> digests) {
        super();
        this.digests = new ArrayList<>(digests);
    }

    /**
     * Returns the recorded digests.
     *
     * @return one entry per subscribed tag that had a digest
     */
    public List<ImageStreamCause> getDigests() {
        return List.copyOf(digests);
    }

    /**
     * Returns the entry of one stream tag.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @return the entry, if the build recorded that tag
     */
    public Optional<ImageStreamCause> digestFor(final String stream, final String tag) {
        return digests.stream().filter(d -> d.isFor(stream, tag)).findFirst();
    }
}

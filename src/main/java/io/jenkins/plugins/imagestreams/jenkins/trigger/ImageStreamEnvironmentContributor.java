package io.jenkins.plugins.imagestreams.jenkins.trigger;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentContributor;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.List;

/**
 * Exposes the build's {@link ImageStreamCause}s: {@code IMAGESTREAM_NAME}, {@code IMAGESTREAM_TAG},
 * {@code IMAGESTREAM_DIGEST}, {@code IMAGESTREAM_PREVIOUS_DIGEST} (empty on a first trigger) and
 * {@code IMAGESTREAM_PULLSPEC} from the first cause, and, when there are several, the same names suffixed
 * {@code _1}, {@code _2}, ... for each cause in order. A build that no tag started but that recorded the digests it
 * used ({@link ImageStreamDigestsAction}) gets the same variables from that record.
 */
@Extension
public class ImageStreamEnvironmentContributor extends EnvironmentContributor {
    /** The variable names without suffix. */
    public static final String NAME = "IMAGESTREAM_NAME";

    public static final String TAG = "IMAGESTREAM_TAG";
    public static final String DIGEST = "IMAGESTREAM_DIGEST";
    public static final String PREVIOUS_DIGEST = "IMAGESTREAM_PREVIOUS_DIGEST";
    public static final String PULLSPEC = "IMAGESTREAM_PULLSPEC";

    @Override
    public void buildEnvironmentFor(
            @NonNull final Run r, @NonNull final EnvVars envs, @NonNull final TaskListener listener) {
        contribute(causesOf(r), envs);
    }

    static List<ImageStreamCause> causesOf(final Run<?, ?> run) {
        List<ImageStreamCause> causes = run.getCauses().stream()
                .filter(ImageStreamCause.class::isInstance)
                .map(ImageStreamCause.class::cast)
                .toList();
        if (!causes.isEmpty()) {
            return causes;
        }
        ImageStreamDigestsAction recorded = run.getAction(ImageStreamDigestsAction.class);
        return recorded == null ? List.of() : recorded.getDigests();
    }

    static void contribute(final List<ImageStreamCause> causes, final EnvVars envs) {
        if (causes.isEmpty()) {
            return;
        }
        put(causes.get(0), "", envs);
        if (causes.size() > 1) {
            for (int i = 0; i < causes.size(); i++) {
                put(causes.get(i), "_" + (i + 1), envs);
            }
        }
    }

    private static void put(final ImageStreamCause cause, final String suffix, final EnvVars envs) {
        envs.put(NAME + suffix, cause.getStream());
        envs.put(TAG + suffix, cause.getTag());
        envs.put(DIGEST + suffix, cause.getDigest());
        envs.put(PREVIOUS_DIGEST + suffix, cause.getPreviousDigest().orElse(""));
        envs.put(PULLSPEC + suffix, cause.getPullSpec());
    }
}

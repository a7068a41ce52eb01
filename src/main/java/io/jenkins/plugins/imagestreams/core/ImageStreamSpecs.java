package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the core reads the spec: the Jenkins global configuration in the plugin, a JCasC
 * file in the command line. Implementations return the current, validated definitions.
 */
public interface ImageStreamSpecs {
    /**
     * Returns every defined stream.
     *
     * @return the streams, in the administrator's order
     */
    List<ImageStream> all();

    /**
     * Finds one stream.
     *
     * @param name the stream name
     * @return the stream, or empty if none has that name
     */
    default Optional<ImageStream> find(final String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

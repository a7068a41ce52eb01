/**
 * Jenkins-free values that name container images: {@link io.jenkins.plugins.imagestreams.core.image.Digest},
 * {@link io.jenkins.plugins.imagestreams.core.image.ImageReference} and
 * {@link io.jenkins.plugins.imagestreams.core.image.Platform}.
 *
 * <p>Each value is immutable, is created only by its static factories and follows the rules of the upstream
 * Go library that Docker and containerd use, so that a string accepted here is accepted by {@code docker pull}
 * and vice versa: opencontainers/go-digest, distribution/reference and containerd/platforms. Invalid input is
 * always rejected with an {@link io.jenkins.plugins.imagestreams.core.InvalidValueException}. Nothing here
 * imports Jenkins or Jib types.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.imagestreams.core.image;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;

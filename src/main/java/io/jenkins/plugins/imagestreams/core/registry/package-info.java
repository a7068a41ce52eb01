/**
 * The registry port: what the core needs from a container registry (the digest a tag points to now, and the
 * tags of a repository), with typed failures that map one-to-one to the {@code ImportSuccess} condition
 * reasons. Exactly one adapter implements it, over Jib core.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.imagestreams.core.registry;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;

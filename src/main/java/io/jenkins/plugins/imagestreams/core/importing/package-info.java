/**
 * The import engine: {@link io.jenkins.plugins.imagestreams.core.importing.ImportScheduler} decides, as a pure
 * function of the spec, the tag's status, the last attempt and the time, whether a registry tag is due;
 * {@link io.jenkins.plugins.imagestreams.core.importing.Importer} runs one cycle through the registry port within
 * the global and per-registry caps and applies the results through the {@code ImageStreams} service. Time comes
 * from an injected {@link java.time.Clock}; nothing here imports Jenkins.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.imagestreams.core.importing;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;

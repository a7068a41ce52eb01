/**
 * The Jenkins-free core of the ImageStreams plugin: the model, the registry port, the import and trigger
 * engines and the status store. Nothing here imports {@code hudson.*}, {@code jenkins.*},
 * {@code org.kohsuke.*}, {@code org.jenkinsci.*} or {@code com.cloudbees.*}; an ArchUnit test enforces it.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.imagestreams.core;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;

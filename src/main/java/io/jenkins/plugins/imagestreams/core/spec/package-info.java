/**
 * The plugin's JCasC schema without Jenkins: reads the {@code unclassified: imageStreams:} section of a JCasC file,
 * as SnakeYAML gives it (maps, lists and scalars), into the core model, with the same attributes, defaults and
 * validators as the plugin's describables ({@code jenkins/config}). Every rejection names the YAML path, e.g.
 * {@code unclassified.imageStreams.streams[1].tags[0].from.registryImage.image}. The command line's
 * {@code check} uses it; a JenkinsRule test proves that it and JCasC read the example files into equal models.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.imagestreams.core.spec;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * The registry adapter: {@link io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient} implements the
 * core's {@link io.jenkins.plugins.imagestreams.core.registry.RegistryClient} port. It is the only class that may
 * use Jib's non-public {@code registry} and {@code http} packages; the helpers here use Apache
 * HttpClient 4.5 (from the {@code apache-httpcomponents-client-4-api} plugin) and Jackson only. Why Jib carries the
 * protocol knowledge and HttpClient carries
 * the HTTP: docs/developer/dependencies.md, "Registry HTTP: what Jib carries".
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.imagestreams.registry.jib;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Level-driven, restart-safe downstream triggers: a {@link io.jenkins.plugins.imagestreams.core.triggering.Subscription}
 * fires when the current digest of its tag differs from the last one it triggered, after the first-run policy,
 * cool-down, pause, quiet period and storm throttling. The
 * {@link io.jenkins.plugins.imagestreams.core.triggering.Triggerer} persists the new state before it calls the
 * {@link io.jenkins.plugins.imagestreams.core.triggering.BuildScheduler} port, and repairs an interrupted
 * scheduling from the job's own record; see {@code docs/developer/triggering.md}. Nothing here imports Jenkins.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.imagestreams.core.triggering;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;

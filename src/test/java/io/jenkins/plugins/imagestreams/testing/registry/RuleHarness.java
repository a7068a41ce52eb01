package io.jenkins.plugins.imagestreams.testing.registry;

import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/** Runs a test body inside a {@link LocalRegistry} rule, as JUnit would, for tests of other variants or the rule. */
final class RuleHarness {

    /** A test body that uses the running registry. */
    @FunctionalInterface
    interface Body {
        void run(LocalRegistry registry) throws Throwable;
    }

    private RuleHarness() {}

    /** Applies {@code rule} around {@code body} and evaluates it; rethrows what the rule or the body throws. */
    static void runInside(LocalRegistry rule, Body body) throws Throwable {
        rule.apply(
                        new Statement() {
                            @Override
                            public void evaluate() throws Throwable {
                                body.run(rule);
                            }
                        },
                        Description.createTestDescription(RuleHarness.class, "body"))
                .evaluate();
    }
}

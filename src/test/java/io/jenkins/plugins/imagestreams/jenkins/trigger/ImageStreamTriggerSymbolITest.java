package io.jenkins.plugins.imagestreams.jenkins.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.JobProperty;
import hudson.triggers.Trigger;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.properties.PipelineTriggersJobProperty;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The {@code imageStream} symbol as Pipeline reads and writes it. Declarative {@code triggers { imageStream(...) }}
 * and scripted {@code properties([pipelineTriggers([imageStream(...)])])} both hand structs an uninstantiated
 * {@code imageStream(stream: ..., tag: ...)} inside {@code pipelineTriggers}; neither Pipeline: Declarative nor
 * Pipeline: Multibranch (the {@code properties} step) is available to these tests, so the tests stop at structs.
 */
public class ImageStreamTriggerSymbolITest {
    private static final Map<String, Object> ARGUMENTS = Map.of("stream", "app", "tag", "latest");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void shouldInstantiateAndUninstantiateTheImageStreamSymbol() throws Exception {
        UninstantiatedDescribable written = new UninstantiatedDescribable("imageStream", null, ARGUMENTS);

        Trigger<?> trigger = written.instantiate(Trigger.class);
        UninstantiatedDescribable read = DescribableModel.uninstantiate2_(trigger);

        assertThat(trigger).isInstanceOfSatisfying(ImageStreamTrigger.class, t -> {
            assertThat(t.getStream()).isEqualTo("app");
            assertThat(t.getTag()).isEqualTo("latest");
        });
        assertThat(read.getSymbol()).isEqualTo("imageStream");
        assertThat(read.getArguments()).isEqualTo(ARGUMENTS);
    }

    @Test
    public void shouldSubscribeAPipelineThatNeverRanThroughThePipelineTriggersProperty() throws Exception {
        UninstantiatedDescribable property = new UninstantiatedDescribable(
                "pipelineTriggers",
                null,
                Map.of("triggers", List.of(new UninstantiatedDescribable("imageStream", null, ARGUMENTS))));
        WorkflowJob job = j.createProject(WorkflowJob.class, "never-ran");

        job.addProperty(property.instantiate(JobProperty.class));
        UninstantiatedDescribable read =
                DescribableModel.uninstantiate2_(job.getProperty(PipelineTriggersJobProperty.class));

        assertThat(new TriggerSubscriptions().of("never-ran"))
                .containsExactly(Subscription.of("never-ran", "app", "latest"));
        assertThat(read.getSymbol()).isEqualTo("pipelineTriggers");
        assertThat((List<?>) read.getArguments().get("triggers"))
                .singleElement()
                .isInstanceOfSatisfying(UninstantiatedDescribable.class, nested -> {
                    assertThat(nested.getSymbol()).isEqualTo("imageStream");
                    assertThat(nested.getArguments()).isEqualTo(ARGUMENTS);
                });
    }
}

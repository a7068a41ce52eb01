package io.jenkins.plugins.imagestreams.archunit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jenkins.plugins.imagestreams.core.archfixture.CoreClassUsingJenkins;
import org.junit.Test;

/** Proves that the architecture rules fail on a violating class, so that their passing means something. */
public class ArchitectureRuleViolationTest {
    private final JavaClasses violating = new ClassFileImporter().importClasses(CoreClassUsingJenkins.class);

    @Test
    public void shouldRejectJenkinsTypesInCore() {
        assertThatThrownBy(() -> ArchitectureTest.CORE_IS_JENKINS_FREE.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("hudson.model.Item");
    }

    @Test
    public void shouldRejectFormEndpointWithoutPost() {
        assertThatThrownBy(() -> ArchitectureTest.FORM_ENDPOINTS_USE_POST.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("doCheckName");
    }

    @Test
    public void shouldRejectJenkinsSingletonOutsideFacades() {
        assertThatThrownBy(() -> ArchitectureTest.NO_JENKINS_SINGLETON_OUTSIDE_FACADES.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Jenkins.get()");
    }
}

package io.jenkins.plugins.imagestreams.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Guards the architecture of design.md: a Jenkins-free core, Jib's non-public packages confined to one
 * adapter class, and Jenkins singletons reached only through facades.
 */
public class ArchitectureTest {
    /** The one class that may use Jib's non-public registry and HTTP packages. */
    static final String JIB_ADAPTER = "io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient";

    private static JavaClasses productionClasses;

    @BeforeClass
    public static void importClasses() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.imagestreams");
    }

    static final ArchRule CORE_IS_JENKINS_FREE = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.imagestreams.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..")
            .because("the core is the Jenkins-free engine that the command line runs too (design.md)");

    static final ArchRule CORE_DOES_NOT_DEPEND_ON_ADAPTERS = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.imagestreams.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.jenkins.plugins.imagestreams.jenkins..",
                    "io.jenkins.plugins.imagestreams.registry..",
                    "com.google.cloud.tools.jib..")
            .because("adapters plug into the core's ports, never the other way round");

    static final ArchRule JIB_INTERNALS_IN_ONE_CLASS = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(JIB_ADAPTER)
            .and()
            .resideOutsideOfPackage("com.google.cloud.tools.jib..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.cloud.tools.jib.registry..", "com.google.cloud.tools.jib.http..")
            .because("Jib's STYLE_GUIDE: only com.google.cloud.tools.jib.api is public API");

    static final ArchRule NO_JENKINS_SINGLETON_OUTSIDE_FACADES = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Facade")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "Jenkins.get(), getInstance() or getInstanceOrNull()", ArchitectureTest::isJenkinsSingletonCall))
            .because("glue reaches Jenkins singletons only through injectable facades (style.md rule 4)");

    static final ArchRule FORM_ENDPOINTS_USE_POST = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
            .that()
            .haveNameMatching("do(Check|Fill).*")
            .and()
            .arePublic()
            .should()
            .beAnnotatedWith("org.kohsuke.stapler.verb.POST")
            .because("validation and fill endpoints are POST only and check a permission (jenkins.io form-validation"
                    + " security guide)");

    private static boolean isJenkinsSingletonCall(final JavaAccess<?> access) {
        return access.getTargetOwner().getFullName().equals("jenkins.model.Jenkins")
                && (access.getName().equals("get")
                        || access.getName().equals("getInstance")
                        || access.getName().equals("getInstanceOrNull"));
    }

    @Test
    public void shouldKeepCoreFreeOfJenkins() {
        CORE_IS_JENKINS_FREE.allowEmptyShould(true).check(productionClasses);
    }

    @Test
    public void shouldKeepCoreFreeOfAdapters() {
        CORE_DOES_NOT_DEPEND_ON_ADAPTERS.allowEmptyShould(true).check(productionClasses);
    }

    @Test
    public void shouldConfineJibInternalsToTheAdapter() {
        JIB_INTERNALS_IN_ONE_CLASS.allowEmptyShould(true).check(productionClasses);
    }

    @Test
    public void shouldUsePostForFormEndpoints() {
        FORM_ENDPOINTS_USE_POST.allowEmptyShould(true).check(productionClasses);
    }

    @Test
    public void shouldReachJenkinsOnlyThroughFacades() {
        NO_JENKINS_SINGLETON_OUTSIDE_FACADES.allowEmptyShould(true).check(productionClasses);
    }
}

package io.jenkins.plugins.imagestreams.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.model.Job;
import hudson.security.Permission;
import java.io.File;
import jenkins.model.Jenkins;

/**
 * The one place where the glue reaches the Jenkins singleton, so that glue logic can be tested with a fake.
 * An ArchUnit rule forbids {@code Jenkins.get()} outside classes named {@code *Facade}.
 */
public class JenkinsFacade {
    /**
     * Returns {@code $JENKINS_HOME}.
     *
     * @return the root directory
     */
    public File getRootDir() {
        return Jenkins.get().getRootDir();
    }

    /**
     * Returns who is asking.
     *
     * @return the current authentication
     */
    public org.springframework.security.core.Authentication getAuthentication() {
        return Jenkins.getAuthentication2();
    }

    /**
     * Checks a global permission of the current user.
     *
     * @param permission the permission
     * @throws org.springframework.security.access.AccessDeniedException if the user lacks it
     */
    public void checkPermission(final Permission permission) {
        Jenkins.get().checkPermission(permission);
    }

    /**
     * Tells whether the current user has a global permission.
     *
     * @param permission the permission
     * @return true if granted
     */
    public boolean hasPermission(final Permission permission) {
        return Jenkins.get().hasPermission(permission);
    }

    /**
     * Returns Jenkins' HTTP proxy configuration (Manage Jenkins → Plugins → Advanced settings).
     *
     * @return the proxy, or {@code null} when none is configured
     */
    @CheckForNull
    public ProxyConfiguration getProxy() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        return jenkins == null ? null : jenkins.proxy;
    }

    /**
     * Finds a job the current user may see.
     *
     * @param fullName the job's full name, e.g. {@code folder/app}
     * @return the job, or {@code null} when there is none or the user lacks Item/Read
     */
    @CheckForNull
    public Job<?, ?> getJob(final String fullName) {
        return Jenkins.get().getItemByFullName(fullName, Job.class);
    }
}

package io.jenkins.plugins.imagestreams.jenkins.security;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import io.jenkins.plugins.imagestreams.jenkins.Messages;
import jenkins.model.Jenkins;

/**
 * The {@code ImageStream} permission group, shown in the matrix authorization strategy:
 *
 * <ul>
 *   <li>{@link #VIEW}: see streams, tags, history and conditions (page, REST, query steps); implied by
 *       Overall/Read.
 *   <li>{@link #TAG}: tag, roll back, record pushes and delete status-only tags; implied by {@link #CONFIGURE}.
 *   <li>{@link #IMPORT}: ask for an import ("import now"); implied by {@link #CONFIGURE}.
 *   <li>{@link #CONFIGURE}: change stream definitions; implied by Overall/Manage (and so by Administer).
 * </ul>
 */
public final class ImageStreamPermissions {
    /** The group. */
    public static final PermissionGroup GROUP =
            new PermissionGroup(ImageStreamPermissions.class, Messages._ImageStreamPermissions_group());

    /** Change stream definitions. */
    public static final Permission CONFIGURE = new Permission(
            GROUP, "Configure", Messages._ImageStreamPermissions_configure(), Jenkins.MANAGE, PermissionScope.JENKINS);

    /** See streams, tags, history and conditions. */
    public static final Permission VIEW = new Permission(
            GROUP, "View", Messages._ImageStreamPermissions_view(), Jenkins.READ, PermissionScope.JENKINS);

    /** Tag, roll back, record pushes, delete status-only tags. */
    public static final Permission TAG =
            new Permission(GROUP, "Tag", Messages._ImageStreamPermissions_tag(), CONFIGURE, PermissionScope.JENKINS);

    /** Ask for an import. */
    public static final Permission IMPORT = new Permission(
            GROUP, "Import", Messages._ImageStreamPermissions_import(), CONFIGURE, PermissionScope.JENKINS);

    private ImageStreamPermissions() {}

    /** Loads the class at startup, so that the permissions are registered before security is configured. */
    @Initializer(before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void register() {
        // the static fields above register the group and its permissions
    }
}

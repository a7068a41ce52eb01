package io.jenkins.plugins.imagestreams.jenkins.security;

import hudson.security.Permission;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Applies a stream's {@link StreamAccess} to the current user, after the global permission: first
 * ImageStream/View, /Tag or /Import, then the stream's own lists. Overall/Administer passes every list.
 */
public class StreamAccessCheck {
    private final JenkinsFacade jenkins;

    /**
     * Creates the check.
     *
     * @param jenkins the facade for the current authentication and global permissions
     */
    public StreamAccessCheck(final JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /**
     * Tells whether the current user may perform an action on a stream.
     *
     * @param access the stream's lists
     * @param action what is asked
     * @return true when the global permission and the stream's list both allow it
     */
    public boolean allows(final StreamAccess access, final StreamAccess.StreamAction action) {
        if (!jenkins.hasPermission(permission(action))) {
            return false;
        }
        if (jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return true;
        }
        Authentication who = jenkins.getAuthentication();
        Set<String> groups = who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return access.allows(action, who.getName(), groups);
    }

    /**
     * Throws unless the current user may perform an action on a stream.
     *
     * @param stream the stream name, for the message
     * @param access the stream's lists
     * @param action what is asked
     * @throws AccessDeniedException if not allowed; Jenkins answers 403
     */
    public void check(final String stream, final StreamAccess access, final StreamAccess.StreamAction action) {
        if (!allows(access, action)) {
            throw new AccessDeniedException(jenkins.getAuthentication().getName() + " may not "
                    + action.name().toLowerCase(java.util.Locale.ROOT) + " ImageStream " + stream);
        }
    }

    private static Permission permission(final StreamAccess.StreamAction action) {
        return switch (action) {
            case VIEW -> ImageStreamPermissions.VIEW;
            case TAG -> ImageStreamPermissions.TAG;
            case IMPORT -> ImageStreamPermissions.IMPORT;
        };
    }
}

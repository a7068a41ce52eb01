package io.jenkins.plugins.imagestreams.core.archfixture;

import hudson.model.Item;
import jenkins.model.Jenkins;

/** A deliberate violation, used only to prove that the architecture rules catch one. */
public final class CoreClassUsingJenkins {
    private CoreClassUsingJenkins() {}

    /**
     * A form endpoint without {@code @POST}, which the rules forbid.
     *
     * @param value the field value
     * @return the value
     */
    public String doCheckName(final String value) {
        return value;
    }

    /**
     * Reaches a Jenkins singleton and a Jenkins type from the core, which the rules forbid.
     *
     * @param item any item
     * @return the root URL and the item's name
     */
    public static String rootUrl(final Item item) {
        return Jenkins.get().getRootUrl() + item.getName();
    }
}

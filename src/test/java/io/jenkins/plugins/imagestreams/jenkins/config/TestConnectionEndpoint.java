package io.jenkins.plugins.imagestreams.jenkins.config;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jvnet.hudson.test.JenkinsRule;

/** Calls the "Test connection" endpoint of the registry image source as the form's button does: a POST with a crumb. */
final class TestConnectionEndpoint {
    static final String PATH = "descriptorByName/" + RegistryImageSource.class.getName() + "/testConnection";

    private TestConnectionEndpoint() {}

    /**
     * Posts the fields the button sends.
     *
     * @param j the Jenkins rule
     * @param web a client, logged in or not; failing status codes must not throw
     * @param fields {@code image}, {@code credentialsId}, {@code insecure}, {@code allowedRegistries}
     * @return the answer
     * @throws IOException on a transport failure
     */
    static Page post(final JenkinsRule j, final JenkinsRule.WebClient web, final Map<String, String> fields)
            throws IOException {
        WebRequest request = new WebRequest(new URL(j.getURL(), PATH), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
        request.setRequestParameters(parameters);
        return web.getPage(web.addCrumb(request));
    }
}

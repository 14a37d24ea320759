package nl.bdss.security.testing;

import java.util.Set;

/**
 * One endpoint of a service for the shared security contract: a well-formed request and the roles that have
 * business there ({@code insurer}, {@code ttp}, {@code provider}, {@code operator}); every role it does not list is
 * expected to be refused with 403.
 */
public record SecuredEndpoint(String method, String path, String contentType, String body, Set<String> roles) {

    public static SecuredEndpoint get(String path, String... roles) {
        return new SecuredEndpoint("GET", path, null, null, Set.of(roles));
    }

    public static SecuredEndpoint post(String path, String jsonBody, String... roles) {
        return new SecuredEndpoint("POST", path, "application/json", jsonBody, Set.of(roles));
    }

    public static SecuredEndpoint put(String path, String jsonBody, String... roles) {
        return new SecuredEndpoint("PUT", path, "application/json", jsonBody, Set.of(roles));
    }

    public SecuredEndpoint withContentType(String type) {
        return new SecuredEndpoint(method, path, type, body, roles);
    }

    public boolean hasBody() {
        return body != null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

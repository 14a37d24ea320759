package nl.bdss.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.bdss.problem.Problem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403: a valid token whose roles do not allow this endpoint; {@code WWW-Authenticate} says insufficient_scope. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

    ProblemAccessDeniedHandler() {
        bearer.setRealmName("bdss");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearer.handle(request, response, denied);
        String client = CurrentClient.get().map(CurrentClient::toString).orElse("This client");
        Problem.forbidden(
                client + " may not call " + request.getMethod() + " " + request.getRequestURI()
                        + ": the endpoint needs another role (scope insurer, ttp or operator)")
                .writeTo(response, request.getRequestURI());
    }
}

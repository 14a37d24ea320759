package nl.bdss.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.bdss.problem.Problem;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401: the standard {@code WWW-Authenticate: Bearer ...} header plus a problem+json body saying what was wrong. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    ProblemAuthenticationEntryPoint() {
        bearer.setRealmName("bdss");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        Problem.of(HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized", detail(failure)).writeTo(response,
                request.getRequestURI());
    }

    private static String detail(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return "The bearer token was refused: " + oauth.getError().getDescription();
        }
        return "This endpoint needs a bearer token: obtain one from the BDSS authorization server with the "
                + "client-credentials grant and send it as 'Authorization: Bearer <token>'";
    }
}

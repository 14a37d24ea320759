package nl.bdss.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json bodies from the filter chain, where no MVC exception handler runs. */
final class Problems {

    static final String TYPE_BASE = "urn:bdss:problem:";

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail,
                      String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] json = JsonMapper.shared().writeValueAsBytes(body); // JSON is UTF-8 (RFC 8259), no charset needed
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.getOutputStream().flush();
    }
}

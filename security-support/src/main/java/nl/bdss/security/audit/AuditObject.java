package nl.bdss.security.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Names the object a request acted on, for its audit entry, when the path does not say it (e.g. the id a POST
 * created). Without it the audit filter takes the last path variable and the path segment before it
 * ({@code /contracts/{id}} gives type {@code contracts} and the id).
 */
public final class AuditObject {

    static final String TYPE_ATTRIBUTE = AuditObject.class.getName() + ".type";
    static final String ID_ATTRIBUTE = AuditObject.class.getName() + ".id";

    private AuditObject() {
    }

    /** Call from a controller or use case while handling the request; outside a request it does nothing. */
    public static void describe(String type, String id) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(TYPE_ATTRIBUTE, type, RequestAttributes.SCOPE_REQUEST);
            attributes.setAttribute(ID_ATTRIBUTE, id, RequestAttributes.SCOPE_REQUEST);
        }
    }
}

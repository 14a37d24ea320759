package nl.bdss.settlement.web;

/** The caller may not act for what the request names, e.g. another insurer than its token's UZOVI (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

package nl.bdss.allocation.split.domain;

/**
 * Terms that cannot be allocated, naming the term that is wrong: a component of {@link ContractTerms}
 * ({@code validUntil}, {@code domainShares}, {@code executionModel.partnerShares}, ...). Adapters translate it into
 * the field of their own document; the message names the rule (R7, R10, ...).
 */
public class InvalidTermsException extends IllegalArgumentException {

    private final String term;

    public InvalidTermsException(String term, String message) {
        super(message);
        this.term = term;
    }

    /** The component of the terms that breaks the rule. */
    public String term() {
        return term;
    }
}

package nl.bdss.allocation.split.application;

import java.util.List;

/** A contract version document that cannot be read or allocated, with every field that is wrong. */
public class InvalidContractVersion extends RuntimeException {

    /**
     * One thing wrong: the field as a path into the document ({@code contract.budget.lumpSumCents},
     * {@code contract.parties[1].agb}; empty for the document as a whole), the rule it breaks ({@code R7}, or
     * {@code REQUEST} for the document's form) and what is wrong.
     */
    public record Violation(String field, String rule, String message) {

        /** The rule of errors in the document's form rather than in a domain rule. */
        public static final String REQUEST = "REQUEST";
    }

    private final transient List<Violation> violations;

    public InvalidContractVersion(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields of the contract version are wrong");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

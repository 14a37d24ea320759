package nl.bdss.allocation.split.application;

/** Why a reopen is refused; the adapters answer it as problem+json (the web: 400, 404, 409). */
public class ReopenProblem extends RuntimeException {

    public enum Kind {
        /** A named year is no year of the contract (400, field {@code years}). */
        NOT_A_CONTRACT_YEAR,
        /** The contract has no allocation (404). */
        UNKNOWN_CONTRACT,
        /** A named year's counts are still missing (409 allocation-pending, R11). */
        YEAR_PENDING
    }

    private final Kind kind;

    ReopenProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package nl.bdss.contract.register.domain;

/**
 * Lifecycle status of a contract. ACTIVE and TERMINATED are versions in force (the only ones ever published);
 * PROPOSED, DECLINED and WITHDRAWN describe a contract whose registration was proposed and never took effect: still
 * waiting for its parties' acceptance, declined by one of them, or withdrawn by its proposer.
 */
public enum ContractStatus {
    ACTIVE, TERMINATED, PROPOSED, DECLINED, WITHDRAWN;

    /** A version that took effect (registered and accepted by every party). */
    public boolean inForce() {
        return this == ACTIVE || this == TERMINATED;
    }

    /** How a contract whose registration is {@code status} and never took effect is shown. */
    public static ContractStatus ofRegistration(ProposalStatus status) {
        return switch (status) {
            case OPEN -> PROPOSED;
            case DECLINED -> DECLINED;
            case WITHDRAWN -> WITHDRAWN;
            case ACCEPTED -> ACTIVE;
        };
    }
}

package nl.bdss.contract.register.domain;

/** What a proposal would do to the contract once every party asked has accepted it. */
public enum ProposalKind {
    REGISTRATION(ContractChange.REGISTERED),
    AMENDMENT(ContractChange.AMENDED),
    TERMINATION(ContractChange.TERMINATED);

    private final ContractChange change;

    ProposalKind(ContractChange change) {
        this.change = change;
    }

    /** The change the version it produces is published with. */
    public ContractChange change() {
        return change;
    }
}

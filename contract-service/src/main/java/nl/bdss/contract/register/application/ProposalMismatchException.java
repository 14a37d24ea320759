package nl.bdss.contract.register.application;

import nl.bdss.contract.register.domain.ProposalTag;

/** Optimistic concurrency: the caller decided on a state of the proposal that is no longer the current one. */
public class ProposalMismatchException extends RuntimeException {

    public ProposalMismatchException(ProposalTag expected, ProposalTag current) {
        super("the request names proposal state \"" + expected + "\" but the contract's proposal is at \"" + current
                + "\"; read it again (GET the contract or its proposal) and retry");
    }
}

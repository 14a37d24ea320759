package nl.bdss.contract.register.domain;

/**
 * OPEN until every party asked accepted (ACCEPTED: the version took effect), one declined (DECLINED) or the proposer
 * withdrew it (WITHDRAWN). Only an OPEN proposal changes; a contract has at most one.
 */
public enum ProposalStatus {
    OPEN, ACCEPTED, DECLINED, WITHDRAWN
}

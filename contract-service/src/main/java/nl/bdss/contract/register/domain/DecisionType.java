package nl.bdss.contract.register.domain;

/** A party's answer to a proposal. */
public enum DecisionType {
    ACCEPT, DECLINE
}

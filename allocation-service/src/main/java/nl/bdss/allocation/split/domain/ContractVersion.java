package nl.bdss.allocation.split.domain;

import java.time.LocalDate;

/** One applied contract version: its full terms, what it changed and the day it takes effect. */
public record ContractVersion(ContractTerms terms, ContractChangeKind change, LocalDate effectiveFrom) {

    public ContractVersion {
        if (terms == null || change == null || effectiveFrom == null) {
            throw new IllegalArgumentException("a contract version needs its terms, change and effective date");
        }
    }

    /** A registration: the terms apply from validFrom. */
    public static ContractVersion registered(ContractTerms terms) {
        return new ContractVersion(terms, ContractChangeKind.REGISTERED, terms.validFrom());
    }
}

package nl.bdss.reporting.contracts.domain;

/** A contract's budget in one calendar year: all domains, and the Zvw part paid by insurers (R7, R20). */
public record YearBudget(int year, long allDomainsCents, long zvwCents) {

    public YearBudget plus(long allDomains, long zvw) {
        return new YearBudget(year, allDomainsCents + allDomains, zvwCents + zvw);
    }
}

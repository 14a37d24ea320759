package nl.bdss.system.workload;

import java.time.LocalDate;

/**
 * One version of a contract as the harness asked for it: registered (effective from validFrom), amended (effective
 * from the amendment's date) or terminated (the terms of the version before, valid until the end date, effective
 * the day after).
 */
public record ContractVersion(Change change, LocalDate effectiveFrom, Terms terms) {

    public enum Change {
        REGISTERED, AMENDED, TERMINATED
    }

    public static ContractVersion registered(Terms terms) {
        return new ContractVersion(Change.REGISTERED, terms.validFrom(), terms);
    }

    public static ContractVersion amended(LocalDate effectiveFrom, Terms terms) {
        return new ContractVersion(Change.AMENDED, effectiveFrom, terms);
    }

    public static ContractVersion terminated(Terms current, LocalDate endDate) {
        return new ContractVersion(Change.TERMINATED, endDate.plusDays(1), current.withValidUntil(endDate));
    }
}

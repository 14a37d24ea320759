package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import nl.bdss.contract.register.domain.ContractDecision.Changed;
import nl.bdss.contract.register.domain.ContractDecision.IllegalTransition;
import nl.bdss.contract.register.domain.ContractDecision.RulesViolated;
import nl.bdss.kernel.time.Period;

/**
 * A BDSS contract at one version. Immutable: registering, amending and terminating return a
 * {@link ContractDecision} holding the next version, or the reason it was refused.
 *
 * @param effectiveFrom the day this version takes effect
 * @param warnings      findings that do not refuse the contract (R11 reference date, R14 early start)
 */
public record Contract(ContractId id, int version, ContractStatus status, ContractTerms terms, LocalDate effectiveFrom,
        List<Finding> warnings) {

    public Contract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(terms, "terms");
        warnings = List.copyOf(warnings);
    }

    /** @param sectors the Zvw sector register as it is now (R7) */
    public static ContractDecision register(ContractId id, ContractDocument document, ContractRules rules,
            ZvwSectorRegister sectors) {
        ContractRules.Assessment assessment = rules.check(document, sectors);
        if (!assessment.accepted()) {
            return new RulesViolated(assessment.violations());
        }
        LocalDate effectiveFrom = assessment.terms().validity().start();
        return new Changed(new Contract(id, 1, ContractStatus.ACTIVE, assessment.terms(), effectiveFrom,
                assessment.warnings()), ContractChange.REGISTERED, effectiveFrom);
    }

    /**
     * Replaces the terms from {@code effectiveFrom} on by those of the new document. An amendment effective in the
     * past is allowed (settlement turns it into corrections); one effective outside the new validity is not. A Zvw
     * sector the register no longer offers for new contracts (a catch-all) may stay where these terms have it (R7).
     */
    public ContractDecision amend(ContractDocument newDocument, LocalDate amendmentEffectiveFrom, ContractRules rules,
            ZvwSectorRegister sectors) {
        if (status == ContractStatus.TERMINATED) {
            return new IllegalTransition("contract " + id + " is terminated and can no longer be amended");
        }
        if (!status.inForce()) {
            return notInForce();
        }
        ContractRules.Assessment assessment = rules.checkAmendment(newDocument, sectors, amendmentEffectiveFrom,
                terms.sectors());
        if (amendmentEffectiveFrom == null) {
            return new RulesViolated(append(assessment.violations(),
                    new Finding("effectiveFrom", "R14", "R14: the date the amendment takes effect is required")));
        }
        if (!assessment.accepted()) {
            return new RulesViolated(assessment.violations());
        }
        if (!assessment.terms().isValidOn(amendmentEffectiveFrom)) {
            Period validity = assessment.terms().validity();
            return new IllegalTransition("the amendment takes effect on " + amendmentEffectiveFrom
                    + ", outside the contract's validity " + validity.start() + " to " + validity.end());
        }
        return new Changed(new Contract(id, version + 1, ContractStatus.ACTIVE, assessment.terms(), amendmentEffectiveFrom,
                assessment.warnings()), ContractChange.AMENDED, amendmentEffectiveFrom);
    }

    /**
     * Ends the contract on {@code endDate} (inclusive): the new version's validity ends there, no later than the
     * experiment's last day (R14, {@code rules}).
     */
    public ContractDecision terminate(LocalDate endDate, ContractRules rules) {
        if (status == ContractStatus.TERMINATED) {
            return new IllegalTransition("contract " + id + " is already terminated");
        }
        if (!status.inForce()) {
            return notInForce();
        }
        if (endDate == null) {
            return new RulesViolated(List.of(new Finding("endDate", "R14", "R14: the end date of the termination is required")));
        }
        List<Finding> outsideExperiment = rules.checkEndDate(endDate, "endDate");
        if (!outsideExperiment.isEmpty()) {
            return new RulesViolated(outsideExperiment);
        }
        Period validity = terms.validity();
        if (endDate.isBefore(validity.start())) {
            return new IllegalTransition("the end date " + endDate + " lies before the start of validity " + validity.start());
        }
        if (endDate.isAfter(validity.end())) {
            return new IllegalTransition("the end date " + endDate + " lies after the agreed end of validity "
                    + validity.end() + "; extend the contract by an amendment instead");
        }
        LocalDate effectiveFrom = endDate.plusDays(1);
        return new Changed(new Contract(id, version + 1, ContractStatus.TERMINATED, terms.endingOn(endDate),
                effectiveFrom, warnings),
                ContractChange.TERMINATED, effectiveFrom);
    }

    /**
     * Double-funding watch (R4, R22): another contract started or stopped overlapping this one. The next version
     * keeps the terms, the warnings and the day they took effect (the terms in force did not change, so a consumer
     * that splits time by effectiveFrom sees no new boundary); only the overlaps it is published with differ.
     * A terminated contract overlaps nothing and is never flagged.
     */
    public ContractDecision overlapsChanged() {
        if (status != ContractStatus.ACTIVE) {
            return new IllegalTransition("contract " + id + " is " + status + " and overlaps nothing");
        }
        return new Changed(new Contract(id, version + 1, status, terms, effectiveFrom, warnings),
                ContractChange.OVERLAP_FLAGGED, effectiveFrom);
    }

    /**
     * Double-funding watch (R4, R22): both active, validity overlapping, a Zvw provider (AGB) in common and an
     * overlapping service area.
     */
    public boolean overlapsWith(Contract other) {
        if (other.id.equals(id) || status != ContractStatus.ACTIVE || other.status != ContractStatus.ACTIVE) {
            return false;
        }
        boolean periodsOverlap = terms.validity().overlap(other.terms.validity()).isPresent();
        boolean providerInCommon = terms.providerAgbs().stream().anyMatch(other.terms.providerAgbs()::contains);
        boolean areaOverlaps = terms.targetGroup().serviceArea().stream()
                .anyMatch(postcode -> other.terms.targetGroup().serviceArea().stream().anyMatch(postcode::overlaps));
        return periodsOverlap && providerInCommon && areaOverlaps;
    }

    /** The same version shown with another status (a proposed registration, or one declined or withdrawn). */
    public Contract withStatus(ContractStatus newStatus) {
        return new Contract(id, version, newStatus, terms, effectiveFrom, warnings);
    }

    /** The same version under another number: a proposal takes effect as the next version of the contract then. */
    public Contract renumbered(int newVersion) {
        return new Contract(id, newVersion, status, terms, effectiveFrom, warnings);
    }

    private IllegalTransition notInForce() {
        return new IllegalTransition("contract " + id + " never took effect (its registration is " + status
                + "); only a contract in force is amended or terminated");
    }

    private static List<Finding> append(List<Finding> findings, Finding extra) {
        return Stream.concat(findings.stream(), Stream.of(extra)).toList();
    }
}

package nl.bdss.settlement.riskequalisation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An insurer's distribution key for one service year (R19): the manual leaves it to the insurers to propose a
 * logical key (spread over the insureds in the target area, or over all their insureds) or, by exception, not to
 * attribute the costs, with the reason; Zorginstituut Nederland tests and approves the proposal.
 */
public record DistributionChoice(String insurer, int year, DistributionKey key, String justification,
        ChoiceStatus status, LocalDate approvedOn) {

    public static final int MAX_JUSTIFICATION_LENGTH = 2000;

    /** A field of a choice that breaks R19, with why. */
    public record Violation(String field, String message) {
    }

    public DistributionChoice {
        justification = justification == null || justification.isBlank() ? null : justification.strip();
        List<Violation> violations = violations(key, justification, status, approvedOn, null);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.get(0).message());
        }
    }

    /**
     * What makes a choice break R19: a key and a status are required; not attributing needs a justification (the
     * manual asks for the reason); APPROVED needs the day Zorginstituut Nederland approved it, not after
     * {@code today} (null: not checked), and PROPOSED has no such day.
     */
    public static List<Violation> violations(DistributionKey key, String justification, ChoiceStatus status,
            LocalDate approvedOn, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        boolean justified = justification != null && !justification.isBlank();
        if (key == null) {
            violations.add(new Violation("distributionKey",
                    "distributionKey is required: SERVICE_AREA_INSUREDS, ALL_INSUREDS or NOT_ATTRIBUTED (R19)"));
        }
        if (key == DistributionKey.NOT_ATTRIBUTED && !justified) {
            violations.add(new Violation("justification",
                    "justification is required when costs are by exception not attributed (R19)"));
        }
        if (justified && justification.strip().length() > MAX_JUSTIFICATION_LENGTH) {
            violations.add(new Violation("justification",
                    "justification must be at most " + MAX_JUSTIFICATION_LENGTH + " characters (R19)"));
        }
        if (status == null) {
            violations.add(new Violation("status", "status is required: PROPOSED or APPROVED (R19)"));
        }
        if (status == ChoiceStatus.APPROVED && approvedOn == null) {
            violations.add(new Violation("approvedOn",
                    "approvedOn is required for an APPROVED key: the day Zorginstituut Nederland approved it (R19)"));
        }
        if (status == ChoiceStatus.APPROVED && approvedOn != null && today != null && approvedOn.isAfter(today)) {
            violations.add(new Violation("approvedOn", "approvedOn " + approvedOn + " lies in the future (R19)"));
        }
        if (status == ChoiceStatus.PROPOSED && approvedOn != null) {
            violations.add(new Violation("approvedOn", "approvedOn is only for an APPROVED key (R19)"));
        }
        return violations;
    }

    /** Whether {@code other} records the same key, justification, status and approval day. */
    public boolean sameAs(DistributionChoice other) {
        return other != null && key == other.key && status == other.status
                && Objects.equals(justification, other.justification) && Objects.equals(approvedOn, other.approvedOn);
    }
}

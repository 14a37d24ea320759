package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/**
 * A contract document as an insurer's back office submits it: the written agreement (R1) in plain text, numbers and
 * dates, any part of it possibly missing or wrong. {@link ContractRules} reads it, reports every violation and, when
 * there is none, turns it into {@link ContractTerms}. The API's JSON body implements it; the accessor names are the
 * JSON field names, so a finding's field path names the same field in the document.
 */
public interface ContractDocument {

    String reference();

    String title();

    LocalDate validFrom();

    LocalDate validUntil();

    List<? extends Insurer> insurers();

    List<? extends Party> parties();

    TargetGroup targetGroup();

    List<? extends Activity> activities();

    Budget budget();

    ExecutionModel executionModel();

    Purchasing purchasing();

    PaymentTiming paymentTiming();

    /**
     * How each budget period's lump sum is paid: {@code PER_PERIOD} (one amount), {@code QUARTERLY} or {@code MONTHLY}
     * instalments (issue 16). Null: one amount per period.
     */
    default PaymentSchedule paymentSchedule() {
        return null;
    }

    Attestations attestations();

    Agreements agreements();

    interface Insurer {
        String uzovi();

        String name();
    }

    /** A party; Zvw providers name an AGB code and a Zvw sector, the others only their domain. */
    interface Party {
        String key();

        String name();

        LegalDomain domain();

        /** The code of a sector in the Zvw sector register (R7), as written; the rules check it against the register. */
        String sector();

        String agb();

        /** R10: the VAT treatment of what this Zvw provider is paid; null when the document does not state it. */
        default VatStatement vat() {
            return null;
        }
    }

    /** R10: {@code EXEMPT}, or {@code INCLUDED} with the rate in basis points (2100 = 21%). */
    interface VatStatement {
        Vat.Treatment treatment();

        Integer rateBasisPoints();
    }

    interface TargetGroup {
        String description();

        List<String> characteristics();

        List<String> serviceAreaPostcodes();
    }

    /**
     * R5, R13. A hybrid meeting discusses both groups of (vulnerable) insureds and individual patients; the
     * parties then state that only the extra group-bound coordination is paid and how that part is determined.
     */
    interface Activity {
        String description();

        String justification();

        /** Null means false: a regular activity. */
        Boolean hybridMeeting();

        Boolean onlyGroupBoundCoordinationPaid();

        String groupBoundPartDetermination();
    }

    interface Budget {
        Long lumpSumCents();

        PeriodKind period();

        Map<LegalDomain, Integer> domainSharesBasisPoints();

        /** By the code of a sector in the register (R7). */
        Map<String, Integer> zvwSectorSharesBasisPoints();
    }

    /** R10; {@code partnerSharesBasisPoints} maps an equal partner's key to its share within its Zvw sector. */
    interface ExecutionModel {
        ExecutionModelType type();

        String mainContractor();

        Map<String, Integer> partnerSharesBasisPoints();
    }

    interface Purchasing {
        PurchasingType type();

        MarketShareDefinition marketShare();
    }

    /**
     * R11: how each insurer's part is fixed. Every contract year (a calendar year: a period belongs to the year it
     * starts in) takes its reference date from {@code referenceDates} (year, as written, to date), else from
     * {@code referenceDateRule}, else from {@code referenceDate} (the same date for every year).
     */
    interface MarketShareDefinition {
        MarketShareBasis basis();

        LocalDate referenceDate();

        CountSource source();

        Map<String, LocalDate> referenceDates();

        /** The name of a {@link ReferenceDateRule}, as written. */
        String referenceDateRule();
    }

    /** R2, R3, R4 and R12 as the parties attest them. */
    interface Attestations {
        Boolean zvwCareNeedEstablished();

        Boolean coordinationRequiredForComplexity();

        Boolean noDoubleFunding();

        String doubleFundingMeasure();

        GpFundingChoice gpFundingChoice();
    }

    /** R9: claims process, information exchange, evaluation, control measures and optional quality agreements. */
    interface Agreements {
        String claimsProcess();

        String informationExchange();

        String evaluation();

        String controlMeasures();

        String quality();
    }
}

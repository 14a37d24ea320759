package nl.bdss.contract.register.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.contract.register.domain.ContractTerms;
import nl.bdss.contract.register.domain.Finding;
import nl.bdss.contract.register.domain.LegalDomain;
import nl.bdss.contract.register.domain.ZvwSector;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Money;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.Period;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON in which contract terms are stored ({@code contract.document}, {@code contract_version.document}): the
 * contract document in the shape the API has always shown it, plain codes, cents and basis points, parts a version
 * does not have left out. Rows written before the terms were value objects are in this shape too, so they read back
 * unchanged (a row from before market shares per year or hybrid meetings reads as one reference date for every year
 * and regular activities). The shape is declared here, next to the tables, with mix-ins, so the domain stays free of it.
 */
final class StoredTerms {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };

    private final JsonMapper json;

    StoredTerms(JsonMapper json) {
        this.json = json.rebuild()
                // a row from before R13 has no hybridMeeting: it reads as false (a regular activity)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .addMixIn(ContractTerms.class, TermsShape.class)
                .addMixIn(Period.class, ValidityShape.class)
                .addMixIn(ContractTerms.TargetGroup.class, TargetGroupShape.class)
                .addMixIn(ContractTerms.Budget.class, BudgetShape.class)
                .addMixIn(ContractTerms.ExecutionModel.class, ExecutionModelShape.class)
                .addMixIn(ContractTerms.MarketShareDefinition.class, MarketShareShape.class)
                .addMixIn(ContractTerms.Activity.class, ActivityShape.class)
                .addMixIn(ZvwSector.class, CodeShape.class)
                .addMixIn(Uzovi.class, CodeShape.class)
                .addMixIn(AgbCode.class, CodeShape.class)
                .addMixIn(Postcode.class, PostcodeShape.class)
                .addMixIn(Money.class, CentsShape.class)
                .addMixIn(BasisPoints.class, BasisPointsShape.class)
                .build();
    }

    String write(ContractTerms terms) {
        return json.writeValueAsString(terms);
    }

    ContractTerms read(String document) {
        return json.readValue(document, ContractTerms.class);
    }

    String writeFindings(List<Finding> findings) {
        return json.writeValueAsString(findings);
    }

    List<Finding> readFindings(String findings) {
        return json.readValue(findings, FINDINGS);
    }

    /** The validity as the two top-level dates {@code validFrom} and {@code validUntil}. */
    abstract static class TermsShape {
        @JsonUnwrapped
        abstract Period validity();

        /** One amount per period is left out, as rows from before instalments have it. */
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = PerPeriod.class)
        abstract PaymentSchedule paymentSchedule();
    }

    /** Jackson's value filter: true (leave out) for {@link PaymentSchedule#PER_PERIOD}. */
    static final class PerPeriod {
        @Override
        public boolean equals(Object value) {
            return value == PaymentSchedule.PER_PERIOD;
        }

        @Override
        public int hashCode() {
            return PaymentSchedule.PER_PERIOD.hashCode();
        }
    }

    abstract static class ValidityShape {
        @JsonProperty("validFrom")
        abstract LocalDate start();

        @JsonProperty("validUntil")
        abstract LocalDate end();
    }

    abstract static class TargetGroupShape {
        @JsonProperty("serviceAreaPostcodes")
        abstract List<Postcode> serviceArea();
    }

    abstract static class BudgetShape {
        @JsonProperty("lumpSumCents")
        abstract Money lumpSum();

        @JsonProperty("domainSharesBasisPoints")
        abstract Map<LegalDomain, BasisPoints> domainShares();

        @JsonProperty("zvwSectorSharesBasisPoints")
        abstract Map<ZvwSector, BasisPoints> zvwSectorShares();
    }

    /** A main contractor has no partner shares: left out, as the document leaves them out. */
    abstract static class ExecutionModelShape {
        @JsonProperty("partnerSharesBasisPoints")
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, BasisPoints> partnerShares();
    }

    /** R13: {@code hybridMeeting} only for a hybrid meeting; a regular activity keeps the shape it always had. */
    abstract static class ActivityShape {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean hybridMeeting();
    }

    /** Reference dates per year as {@code {"2026": "2026-03-01"}}; left out when the definition names none. */
    abstract static class MarketShareShape {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<Integer, LocalDate> referenceDates();
    }

    /**
     * A UZOVI or AGB code as its digits, a Zvw sector as its code (a record with one {@code @JsonValue} is read back
     * through its constructor, a map key too).
     */
    abstract static class CodeShape {
        @JsonValue
        abstract String code();
    }

    abstract static class PostcodeShape {
        @JsonValue
        abstract String value();
    }

    abstract static class CentsShape {
        @JsonValue
        abstract long cents();
    }

    abstract static class BasisPointsShape {
        @JsonValue
        abstract int value();
    }
}

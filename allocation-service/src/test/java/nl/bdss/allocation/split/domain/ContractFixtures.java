package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/** The manual's worked example (seed 003, section 4) and variations on it. */
final class ContractFixtures {

    static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 3, 1);

    private ContractFixtures() {
    }

    static ContractTerms manualExample() {
        return manualExample(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), PeriodKind.YEAR);
    }

    static ContractTerms manualExample(LocalDate validFrom, LocalDate validUntil, PeriodKind kind) {
        return new ContractTerms("contract-1", 1, validFrom, validUntil, kind, PaymentTiming.IN_ADVANCE, 10_000_000,
                Map.of(LegalDomain.WMO, 1000, LegalDomain.JEUGDWET, 2000, LegalDomain.ZVW, 7000),
                Map.of("WIJKVERPLEGING", 5000, "HUISARTSENZORG", 5000),
                List.of(Uzovi.of("3311"), Uzovi.of("3343")), parties(),
                ExecutionModel.mainContractor("hap-west"),
                Purchasing.coordinated(REFERENCE_DATE, CountSource.TRUSTED_THIRD_PARTY),
                List.of(Postcode.of("1011"), Postcode.of("1012"), Postcode.of("1013"), Postcode.of("1015"), Postcode.of("1016")));
    }

    static List<Party> parties() {
        return List.of(
                new Party("hap-west", LegalDomain.ZVW, "HUISARTSENZORG", "01012345"),
                new Party("wijkzorg-noord", LegalDomain.ZVW, "WIJKVERPLEGING", "75750123"),
                new Party("welzijn-centraal", LegalDomain.WMO, null, null),
                new Party("jeugdteam-oost", LegalDomain.JEUGDWET, null, null));
    }

    /** The example counts of the shared CSV: 3311 and 3343 in and around the area, 7029 not a party. */
    static List<CountInArea> exampleCounts() {
        return List.of(
                count("3311", "1011", 1200), count("3311", "1012", 1200), count("3311", "1013", 1200),
                count("3311", "1015", 1200), count("3311", "1016", 1200), count("3311", "1017", 1500),
                count("3343", "1011", 800), count("3343", "1012", 800), count("3343", "1013", 800),
                count("3343", "1015", 800), count("3343", "1016", 800), count("3343", "1017", 900),
                count("7029", "1011", 500), count("7029", "1012", 500), count("7029", "1013", 500),
                count("7029", "1015", 500), count("7029", "1016", 500));
    }

    static CountInArea count(String uzovi, String postcode, long insureds) {
        return new CountInArea(Uzovi.of(uzovi), Postcode.of(postcode), insureds);
    }
}

package nl.bdss.system.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the benchmark's inputs from the manual's example contract: one insured-counts delivery for a fresh
 * reference date over a pool of PC4 codes (both insurers in every code, so every contract is fully funded), and
 * contracts with fresh references, 2-4 Zvw sectors, a service area from the pool and a yearly, quarterly or monthly
 * lump sum, valid for the whole benchmark year. The expected settled Zvw load follows from the inputs alone.
 */
final class Workload {

    static final String[] INSURERS = {"3311", "3343"};
    private static final String[] SECTORS = {"HUISARTSENZORG", "WIJKVERPLEGING", "GGZ", "PARAMEDISCHE_ZORG",
            "FARMACEUTISCHE_ZORG", "MONDZORG", "GEBOORTEZORG", "OVERIGE_ZVW"};
    private static final int ZVW_SHARE_BASIS_POINTS = 7000;

    private final Random random;
    private final ObjectNode example;
    private final int year;
    private final String runId;
    private final LocalDate referenceDate;
    private final List<String> postcodePool = new ArrayList<>();
    private final Set<String> agbCodes = new HashSet<>();

    Workload(long seed, ObjectNode example, int year) {
        this.random = new Random(seed);
        this.example = example;
        this.year = year;
        this.runId = Long.toString(Math.abs(seed) % 1_000_000_000L, 36).toUpperCase();
        // A reference date no earlier run used (with overwhelming likelihood), so its counts stand alone.
        this.referenceDate = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000));
        int first = 1000 + random.nextInt(8000);
        for (int i = 0; i < 60; i++) {
            postcodePool.add(Integer.toString(first + i));
        }
    }

    LocalDate referenceDate() {
        return referenceDate;
    }

    String countsCsv() {
        StringBuilder csv = new StringBuilder("uzovi,postcode,referenceDate,insuredCount\n");
        for (String postcode : postcodePool) {
            for (String uzovi : INSURERS) {
                csv.append(uzovi).append(',').append(postcode).append(',').append(referenceDate).append(',')
                        .append(50 + random.nextInt(2000)).append('\n');
            }
        }
        return csv.toString();
    }

    /** The whole experiment (R14): 1 May 2024 until 30 April 2029. */
    static final LocalDate EXPERIMENT_FROM = LocalDate.of(2024, 5, 1);
    static final LocalDate EXPERIMENT_UNTIL = LocalDate.of(2029, 4, 30);

    /** A contract valid in the benchmark year with a random period. */
    Contract contract(int index) {
        return contract(index, null);
    }

    /**
     * A contract valid in the benchmark year with a random period, or ({@code wholeExperimentPeriod} not null) for
     * the five years of the experiment with that period (YEAR, QUARTER or MONTH; the first and last periods of
     * YEAR and QUARTER are partial and paid pro rata).
     */
    Contract contract(int index, String wholeExperimentPeriod) {
        boolean wholeExperiment = wholeExperimentPeriod != null;
        ObjectNode contract = example.deepCopy();
        contract.put("reference", "BENCH-" + runId + "-" + index);
        contract.put("title", "Benchmark samenwerking " + runId + " nr. " + index);
        contract.put("validFrom", (wholeExperiment ? EXPERIMENT_FROM : LocalDate.of(year, 1, 1)).toString());
        contract.put("validUntil", (wholeExperiment ? EXPERIMENT_UNTIL : LocalDate.of(year, 12, 31)).toString());

        int sectorCount = 2 + random.nextInt(3);
        List<String> otherSectors = new ArrayList<>(List.of(SECTORS).subList(1, SECTORS.length));
        Collections.shuffle(otherSectors, random);
        ArrayNode parties = contract.putArray("parties");
        Map<String, Integer> sectorShares = new LinkedHashMap<>();
        for (int s = 0; s < sectorCount; s++) {
            // The GP sector first (the main contractor), then distinct others; the first takes the remainder.
            String sector = s == 0 ? SECTORS[0] : otherSectors.get(s - 1);
            int share = 10_000 / sectorCount + (s == 0 ? 10_000 % sectorCount : 0);
            sectorShares.put(sector, share);
            ObjectNode party = parties.addObject();
            party.put("key", "zvw-" + s);
            party.put("name", "Zorgaanbieder " + runId + "-" + index + "-" + s);
            party.put("domain", "ZVW");
            party.put("sector", sector);
            party.put("agb", freshAgb());
        }
        parties.addObject().put("key", "welzijn").put("name", "Welzijn " + index).put("domain", "WMO");
        parties.addObject().put("key", "jeugd").put("name", "Jeugdteam " + index).put("domain", "JEUGDWET");

        ArrayNode postcodes = ((ObjectNode) contract.get("targetGroup")).putArray("serviceAreaPostcodes");
        int start = random.nextInt(postcodePool.size() - 8);
        int areaSize = 2 + random.nextInt(7);
        for (int p = 0; p < areaSize; p++) {
            postcodes.add(postcodePool.get(start + p));
        }

        String period = wholeExperiment ? wholeExperimentPeriod : new String[] {"YEAR", "QUARTER", "MONTH"}[random.nextInt(3)];
        long lumpSumCents = 10_000L * (10 + random.nextInt(990));
        ObjectNode budget = (ObjectNode) contract.get("budget");
        budget.put("period", period);
        budget.put("lumpSumCents", lumpSumCents);
        ObjectNode sectors = budget.putObject("zvwSectorSharesBasisPoints");
        sectorShares.forEach(sectors::put);

        contract.putObject("executionModel").put("type", "MAIN_CONTRACTOR").put("mainContractor", "zvw-0");
        ((ObjectNode) contract.get("purchasing").get("marketShare")).put("referenceDate", referenceDate.toString());
        return new Contract(INSURERS[index % INSURERS.length], contract, periodsPerYear(period));
    }

    /** The same contract with another lump sum, for an amendment. */
    ObjectNode withLumpSum(ObjectNode contract, long lumpSumCents) {
        ObjectNode changed = contract.deepCopy();
        ((ObjectNode) changed.get("budget")).put("lumpSumCents", lumpSumCents);
        return changed;
    }

    long nextLumpSum() {
        return 10_000L * (10 + random.nextInt(990));
    }

    private String freshAgb() {
        String agb;
        do {
            agb = String.format("%08d", 10_000_000 + random.nextInt(89_999_999));
        } while (!agbCodes.add(agb));
        return agb;
    }

    private static int periodsPerYear(String period) {
        return switch (period) {
            case "YEAR" -> 1;
            case "QUARTER" -> 4;
            default -> 12;
        };
    }

    /** A generated contract, the insurer that registers it, and what the inputs say it settles in one year. */
    record Contract(String insurer, ObjectNode body, int periodsPerYear) {

        long lumpSumCents() {
            return body.get("budget").get("lumpSumCents").asLong();
        }

        /** Exact: the lump sums are multiples of 10,000 cents, so the Zvw share of each period has no remainder. */
        long expectedZvwCentsInYear() {
            return lumpSumCents() * ZVW_SHARE_BASIS_POINTS / 10_000 * periodsPerYear;
        }
    }
}

package nl.bdss.system.workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import nl.bdss.system.workload.Terms.Party;
import nl.bdss.system.workload.Terms.PeriodKind;

/**
 * The seeded load of the harness, from one {@link Random}, in two recipes.
 *
 * <p>{@link #round}, the fault-injection mix: contracts of realistic variety and the insured counts behind them, as
 * an ordered list of operations per round. Every contract satisfies the contract rules (R1-R14): 1-5 insurers of a
 * fixed set (one insurer buys SINGLE, several COORDINATED by insured counts in the service area on a reference date
 * from March to December), 2-6 parties (Zvw providers of several sectors, and Wlz/Wmo/Jeugdwet/Wpg/other parties
 * that are recorded, never paid), a PC4 service area, a yearly, quarterly or monthly lump sum paid in advance or in
 * arrears, shares that add up to 10000 basis points at every level, a main contractor or equal partners. Some
 * contracts are amended (lump sum, sector shares, a finer period, another insurer, another reference date, a larger
 * area, an earlier or later start of validity, in advance instead of in arrears) and some terminated; some are
 * registered before their counts are delivered and stay PENDING until then.
 *
 * <p>Kept out on purpose, so that the expected ledger depends only on the final inputs and not on when the system
 * happened to book what: amendments that extend the validity at its end, change the payment timing from in advance
 * to in arrears or make the period coarser, and amendments dated before an earlier amendment of the same contract.
 * Each of these can make a period already booked no longer due, which settlement (rightly) keeps booked.
 *
 * <p>{@link #steadyContract}, the benchmarks' recipe: contracts of one shape, every one fully funded by one dataset
 * ({@link #steadyCounts}), so that what they settle in a year follows from the inputs at a glance.
 */
public final class Workload {

    public static final List<String> INSURERS = List.of("3311", "3313", "3332", "3334", "3336", "3343", "3358", "7029");
    public static final List<String> SECTORS = List.of("HUISARTSENZORG", "WIJKVERPLEGING", "GGZ", "MEDISCH_SPECIALISTISCHE_ZORG",
            "PARAMEDISCHE_ZORG", "FARMACEUTISCHE_ZORG", "MONDZORG", "GEBOORTEZORG", "ZIEKENVERVOER", "HULPMIDDELENZORG",
            "EERSTELIJNSVERBLIJF");
    public static final List<String> OTHER_DOMAINS = List.of("WLZ", "WMO", "JEUGDWET", "WPG", "OTHER");
    private static final String TTP = "TRUSTED_THIRD_PARTY";
    private static final String INSURERS_SOURCE = "INSURERS";
    private static final LocalDate EXPERIMENT_START = LocalDate.of(2024, 5, 1);
    private static final LocalDate LATEST_END = LocalDate.of(2029, 4, 30);
    private static final int POOL_SIZE = 40;

    /** What the load does, in order. */
    public sealed interface Operation permits DeliverCounts, Register, Amend, Terminate, Refused {
    }

    public record DeliverCounts(CountDataset dataset, boolean redelivery) implements Operation {
    }

    public record Register(PlannedContract contract) implements Operation {
    }

    public record Amend(PlannedContract contract, ContractVersion version) implements Operation {
    }

    public record Terminate(PlannedContract contract, ContractVersion version) implements Operation {
    }

    /** A contract of the load: a handle for the logs, and its versions in the order they are asked for. */
    /**
     * An amendment proposed and never in force (R1): the last party it asks declines it, or the proposer withdraws
     * it. Nothing of the contract changes; the ledger must not show it.
     */
    public record Refused(PlannedContract contract, ContractVersion proposed, boolean withdrawn) implements Operation {
    }

    public record PlannedContract(String handle, List<ContractVersion> versions) {
    }

    /** A round: the operations of the load, and a tail of amendments held back for the dead-letter scenario. */
    public record Round(int number, List<Operation> load, List<Operation> tail, List<PlannedContract> contracts) {

        public List<Operation> all() {
            List<Operation> all = new ArrayList<>(load);
            all.addAll(tail);
            return all;
        }
    }

    private final Random random;
    private final String runTag;
    private final List<String> postcodes = new ArrayList<>();
    private final List<Party> sharedProviders = new ArrayList<>();
    private final Set<String> agbs = new HashSet<>();
    private final Set<String> datasetKeys = new HashSet<>();
    private final List<CountDataset> datasets = new ArrayList<>();
    private int contractCount;

    public Workload(long seed) {
        this.random = new Random(seed);
        this.runTag = Long.toString(Math.floorMod(seed, 1_000_000_000L), 36).toUpperCase();
        // neighbouring PC4 areas, increasing, a few numbers apart (at most 9800 + 40 x 3, still a PC4)
        int code = 1000 + random.nextInt(8800);
        for (int i = 0; i < POOL_SIZE; i++) {
            postcodes.add(Integer.toString(code));
            code += 1 + random.nextInt(3);
        }
        for (int i = 0; i < 4; i++) {
            sharedProviders.add(new Party("regio-" + i, "Regionale zorgaanbieder " + i, "ZVW", pick(SECTORS), freshAgb()));
        }
    }

    /** The next round: new counts (and, after the first round, a corrected delivery of earlier counts) and contracts. */
    public Round round(int number, int contracts) {
        List<CountDataset> fresh = new ArrayList<>();
        if (number == 1) {
            fresh.add(dataset(TTP));
            fresh.add(dataset(TTP));
            fresh.add(dataset(INSURERS_SOURCE));
        } else {
            fresh.add(dataset(random.nextBoolean() ? TTP : INSURERS_SOURCE));
        }
        List<CountDataset> usable = new ArrayList<>(datasets);
        Map<Double, Operation> ordered = new TreeMap<>();
        double step = 10;
        ordered.put(0.0, new DeliverCounts(fresh.get(0), false));
        List<PlannedContract> planned = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            PlannedContract contract = contract(usable);
            planned.add(contract);
            double at = step * (i + 1);
            ordered.put(at, new Register(contract));
            // now and then a change the parties do not all agree to, right after the registration
            ContractVersion first = contract.versions().get(0);
            LocalDate refusedFrom = random.nextInt(100) < 25
                    ? laterDay(first.effectiveFrom(), first.terms().validUntil()) : null;
            if (refusedFrom != null) {
                ordered.put(at + 0.005, new Refused(contract, ContractVersion.amended(refusedFrom,
                        first.terms().withLumpSum(first.terms().lumpSumCents() * 2 + 1)), random.nextInt(3) == 0));
            }
            List<ContractVersion> versions = contract.versions();
            double last = at;
            for (int v = 1; v < versions.size(); v++) {
                last = last + 0.01 + random.nextDouble() * step * contracts / 2.0;
                ordered.put(last, operation(contract, versions.get(v)));
            }
        }
        double end = step * (contracts + 1);
        for (int d = 1; d < fresh.size(); d++) {
            ordered.put(end * (0.35 + 0.35 * d) + 0.001 * d, new DeliverCounts(fresh.get(d), false));
        }
        if (number > 1) {
            CountDataset earlier = datasets.get(random.nextInt(datasets.size() - fresh.size()));
            ordered.put(end * 0.5 + 0.0005, new DeliverCounts(corrected(earlier), true));
        }
        List<Operation> load = new ArrayList<>(ordered.values());
        List<Operation> tail = tail(planned, load);
        return new Round(number, load, tail, planned);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Counts
    // -------------------------------------------------------------------------------------------------------------

    private CountDataset dataset(String source) {
        LocalDate referenceDate;
        do {
            referenceDate = LocalDate.of(2024 + random.nextInt(2), 3 + random.nextInt(10), 1 + random.nextInt(28));
        } while (!datasetKeys.add(source + referenceDate));
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (String uzovi : INSURERS) {
            Map<String, Long> perPostcode = new TreeMap<>();
            // a large insurer everywhere, small ones absent from some postcodes
            int size = 1 + random.nextInt(8);
            for (String postcode : postcodes) {
                if (random.nextInt(100) < 90) {
                    perPostcode.put(postcode, 1L + random.nextInt(250 * size));
                }
            }
            counts.put(uzovi, perPostcode);
        }
        CountDataset dataset = new CountDataset(source, referenceDate, counts);
        datasets.add(dataset);
        return dataset;
    }

    /** The same rows with other counts: a corrected delivery that replaces the dataset and moves market shares. */
    public CountDataset redelivery(CountDataset earlier) {
        return corrected(earlier);
    }

    private CountDataset corrected(CountDataset earlier) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        earlier.countsByInsurer().forEach((uzovi, perPostcode) -> {
            Map<String, Long> changed = new TreeMap<>();
            perPostcode.forEach((postcode, count) -> changed.put(postcode, Math.max(1, count * (80 + random.nextInt(46)) / 100)));
            counts.put(uzovi, changed);
        });
        CountDataset corrected = new CountDataset(earlier.source(), earlier.referenceDate(), counts);
        datasets.replaceAll(dataset -> dataset.equals(earlier) ? corrected : dataset);
        return corrected;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Contracts
    // -------------------------------------------------------------------------------------------------------------

    private PlannedContract contract(List<CountDataset> usable) {
        int index = ++contractCount;
        String handle = String.format("C%03d", index);
        int insurerCount = weighted(new int[] {30, 30, 20, 12, 8}) + 1;
        List<String> insurers = sample(INSURERS, insurerCount);
        List<Party> parties = parties(index);
        LocalDate validFrom = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(638));
        if (random.nextInt(100) < 35) {
            validFrom = validFrom.withDayOfMonth(1);
        }
        LocalDate validUntil = validFrom.plusMonths(6 + random.nextInt(31)).minusDays(1);
        if (random.nextInt(100) < 30) {
            validUntil = validUntil.plusDays(random.nextInt(31) - 15);
        }
        if (validUntil.isAfter(LATEST_END)) {
            validUntil = LATEST_END;
        }
        Map<String, Integer> domainShares = domainShares(parties);
        List<String> sectors = parties.stream().filter(Party::zvw).map(Party::sector).distinct().sorted().toList();
        Map<String, Integer> sectorShares = composition(10_000, sectors);
        boolean equalPartners = random.nextInt(100) < 30;
        List<Party> providers = parties.stream().filter(Party::zvw).toList();
        Map<String, Integer> partnerShares = equalPartners ? partnerShares(providers) : Map.of();
        String mainContractor = equalPartners ? null : pick(providers).key();
        PeriodKind period = pick(List.of(PeriodKind.values()));
        String timing = random.nextBoolean() ? Terms.IN_ADVANCE : Terms.IN_ARREARS;
        Terms terms = new Terms("FI-" + runTag + "-" + handle, "Samenwerking " + runTag + " " + handle, validFrom,
                validUntil, List.of(insurers.get(0)), parties, List.of(pick(postcodes)), lumpSum(), period,
                domainShares, sectorShares, equalPartners ? Terms.EQUAL_PARTNERS : Terms.MAIN_CONTRACTOR,
                mainContractor, partnerShares, null, null, timing, null);
        terms = purchasing(terms, insurers, area(), usable);
        List<ContractVersion> versions = new ArrayList<>();
        versions.add(ContractVersion.registered(terms));
        int amendments = weighted(new int[] {55, 30, 15});
        LocalDate effective = validFrom;
        for (int a = 0; a < amendments; a++) {
            LocalDate next = laterDay(effective, validUntil);
            if (next == null) {
                break;
            }
            effective = next;
            terms = amend(terms, effective, usable);
            versions.add(ContractVersion.amended(effective, terms));
        }
        if (random.nextInt(100) < 22) {
            LocalDate end = terms.validFrom().plusDays(random.nextLong(
                    java.time.temporal.ChronoUnit.DAYS.between(terms.validFrom(), validUntil) + 1));
            versions.add(ContractVersion.terminated(terms, end));
        }
        return new PlannedContract(handle, versions);
    }

    private List<Party> parties(int index) {
        int total = 2 + random.nextInt(5);
        int zvw = 1 + random.nextInt(Math.min(4, total));
        List<Party> parties = new ArrayList<>();
        Set<String> usedAgbs = new HashSet<>();
        List<String> sectors = new ArrayList<>(SECTORS);
        Collections.shuffle(sectors, random);
        for (int p = 0; p < zvw; p++) {
            Party shared = pick(sharedProviders);
            if (random.nextInt(100) < 10 && usedAgbs.add(shared.agb())) {
                parties.add(shared);
                continue;
            }
            // now and then two providers of one sector (they share it as equal partners, or via the main contractor)
            String sector = p > 0 && random.nextInt(100) < 20 ? parties.get(0).sector() : sectors.get(p);
            String agb = freshAgb();
            usedAgbs.add(agb);
            parties.add(new Party("zvw-" + p, "Zorgaanbieder " + index + "-" + p, "ZVW", sector, agb));
        }
        for (int p = zvw; p < total; p++) {
            String domain = pick(OTHER_DOMAINS);
            parties.add(new Party("partner-" + p, domain + " partner " + index + "-" + p, domain, null, null));
        }
        Collections.shuffle(parties, random);
        return parties;
    }

    private Map<String, Integer> domainShares(List<Party> parties) {
        List<String> others = parties.stream().filter(p -> !p.zvw()).map(Party::domain).distinct().sorted().toList();
        if (others.isEmpty()) {
            return Map.of("ZVW", 10_000);
        }
        int zvw = 4000 + random.nextInt(5900);
        Map<String, Integer> shares = new TreeMap<>(composition(10_000 - zvw, others));
        shares.put("ZVW", zvw);
        return shares;
    }

    private Map<String, Integer> partnerShares(List<Party> providers) {
        Map<String, Integer> shares = new TreeMap<>();
        Map<String, List<String>> bySector = new TreeMap<>();
        providers.forEach(p -> bySector.computeIfAbsent(p.sector(), s -> new ArrayList<>()).add(p.key()));
        bySector.values().forEach(keys -> shares.putAll(composition(10_000, keys)));
        return shares;
    }

    /**
     * An amendment, effective from {@code effective}, of one to three aspects; the end of validity and the parties
     * stay, the payment timing changes only from in arrears to in advance.
     */
    private Terms amend(Terms terms, LocalDate effective, List<CountDataset> usable) {
        Terms amended = terms;
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(8)) {
                case 0, 1 -> amended = amended.withLumpSum(Math.max(1, amended.lumpSumCents() * (50 + random.nextInt(110)) / 100
                        + random.nextInt(97)));
                case 2 -> amended = amended.withSectorShares(composition(10_000, new ArrayList<>(new java.util.TreeSet<>(
                        amended.sectorShares().keySet()))));
                case 3 -> {
                    PeriodKind current = amended.period();
                    List<PeriodKind> finer = java.util.Arrays.stream(PeriodKind.values())
                            .filter(kind -> kind.ordinal() > current.ordinal()).toList();
                    if (!finer.isEmpty()) {
                        amended = amended.withPeriod(pick(finer));
                    }
                }
                case 4 -> {
                    List<String> more = new ArrayList<>(amended.insurers());
                    List<String> candidates = INSURERS.stream().filter(u -> !more.contains(u)).toList();
                    if (more.size() < 5) {
                        more.add(pick(candidates));
                        amended = purchasing(amended, more, amended.serviceArea(), usable);
                    }
                }
                case 5 -> {
                    Set<String> area = new LinkedHashSet<>(amended.serviceArea());
                    area.add(pick(postcodes));
                    amended = purchasing(amended, amended.insurers(), List.copyOf(area), usable);
                }
                case 6 -> {
                    // every period due in arrears is due in advance too; the other way round would leave booked
                    // periods that are no longer due
                    if (Terms.IN_ARREARS.equals(amended.paymentTiming())) {
                        amended = amended.withPaymentTiming(Terms.IN_ADVANCE);
                    }
                }
                default -> amended = amended.withValidFrom(otherStart(amended.validFrom(), effective));
            }
        }
        return amended;
    }

    /**
     * Another start of validity: later, but not after the amendment's own date (the new version must be valid on
     * it), or up to four months earlier, not before the experiment. Either way the first period gets another start,
     * so a booked first period is credited rather than left booked while not due; the periods after it keep their
     * start and end.
     */
    private LocalDate otherStart(LocalDate from, LocalDate effective) {
        long roomLater = java.time.temporal.ChronoUnit.DAYS.between(from, effective);
        if (roomLater > 0 && random.nextBoolean()) {
            return from.plusDays(1 + random.nextLong(roomLater));
        }
        LocalDate earlier = from.minusDays(1 + random.nextInt(120));
        return earlier.isBefore(EXPERIMENT_START) ? EXPERIMENT_START : earlier;
    }

    /**
     * Sets insurers and area; with several insurers a dataset is chosen (the current one if it still serves) and
     * the area grown until every insurer has insureds in it, so the contract does not stay PENDING forever.
     */
    private Terms purchasing(Terms terms, List<String> insurers, List<String> area, List<CountDataset> usable) {
        if (insurers.size() == 1) {
            return terms.withPurchasing(insurers, area, null, null, null);
        }
        CountDataset dataset = terms.referenceDate() != null && random.nextInt(100) < 75
                ? usable.stream().filter(d -> d.source().equals(terms.countSource())
                        && d.referenceDate().equals(terms.referenceDate())).findFirst().orElse(pick(usable))
                : pick(usable);
        Set<String> grown = new LinkedHashSet<>(area);
        List<String> pool = new ArrayList<>(postcodes);
        Collections.shuffle(pool, random);
        for (String postcode : pool) {
            if (dataset.covers(insurers, grown)) {
                break;
            }
            grown.add(postcode);
        }
        if (!dataset.covers(insurers, grown)) {
            throw new IllegalStateException("no service area lets " + insurers + " all count in " + dataset.label());
        }
        // now and then the shares over all insurers counted in the area: the others' part is recorded, unpaid (R11)
        String basis = random.nextInt(100) < 20 ? Terms.IN_SERVICE_AREA_ALL_INSURERS : Terms.IN_SERVICE_AREA;
        return terms.withPurchasing(insurers, List.copyOf(grown), dataset.referenceDate(), dataset.source(), basis);
    }

    /**
     * Two contracts' last change is held back (or one is added) for after the poison records, on their partitions:
     * the proof that a partition keeps flowing past a dead letter.
     */
    private List<Operation> tail(List<PlannedContract> planned, List<Operation> load) {
        List<PlannedContract> candidates = new ArrayList<>(planned);
        Collections.shuffle(candidates, random);
        List<Operation> tail = new ArrayList<>();
        for (PlannedContract contract : candidates) {
            if (tail.size() == 2) {
                break;
            }
            List<ContractVersion> versions = contract.versions();
            ContractVersion last = versions.get(versions.size() - 1);
            if (last.change() != ContractVersion.Change.REGISTERED) {
                Operation operation = load.stream().filter(op -> versionOf(op) == last).findFirst().orElseThrow();
                load.remove(operation);
                tail.add(operation);
                continue;
            }
            LocalDate effective = laterDay(last.effectiveFrom(), last.terms().validUntil());
            if (effective != null) {
                ContractVersion amended = ContractVersion.amended(effective,
                        last.terms().withLumpSum(last.terms().lumpSumCents() + 1 + random.nextInt(500_000)));
                versions.add(amended);
                tail.add(new Amend(contract, amended));
            }
        }
        return tail;
    }

    private static ContractVersion versionOf(Operation operation) {
        if (operation instanceof Amend amend) {
            return amend.version();
        }
        return operation instanceof Terminate terminate ? terminate.version() : null;
    }

    private static Operation operation(PlannedContract contract, ContractVersion version) {
        return version.change() == ContractVersion.Change.TERMINATED
                ? new Terminate(contract, version) : new Amend(contract, version);
    }

    // -------------------------------------------------------------------------------------------------------------
    // The steady recipe
    // -------------------------------------------------------------------------------------------------------------

    /**
     * Counts from the trusted third party with every one of {@code insurers} in every postcode of the pool (1-2,000
     * insureds each), so that a steady contract is always fully funded.
     */
    public CountDataset steadyCounts(List<String> insurers) {
        LocalDate referenceDate;
        do {
            referenceDate = LocalDate.of(2024 + random.nextInt(2), 3 + random.nextInt(10), 1 + random.nextInt(28));
        } while (!datasetKeys.add(TTP + referenceDate));
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (String uzovi : insurers) {
            Map<String, Long> perPostcode = new TreeMap<>();
            postcodes.forEach(postcode -> perPostcode.put(postcode, 1L + random.nextInt(2000)));
            counts.put(uzovi, perPostcode);
        }
        CountDataset dataset = new CountDataset(TTP, referenceDate, counts);
        datasets.add(dataset);
        return dataset;
    }

    /**
     * A steady contract, the same shape every time: the insurers of {@code counts} purchase it together by those
     * counts (COORDINATED), the manual's domain shares (Zvw 70%, Wmo 10%, Jeugdwet 20%), a GP as main contractor
     * and one to three Zvw providers of other sectors (equal sector shares, the remainder to the GP), a service area
     * of two to eight neighbouring postcodes, a lump sum of {@link #steadyLumpSum()} per period, paid in advance.
     */
    public Terms steadyContract(String reference, LocalDate validFrom, LocalDate validUntil, PeriodKind period,
            CountDataset counts) {
        int index = ++contractCount;
        int sectorCount = 2 + random.nextInt(3);
        List<String> others = new ArrayList<>(SECTORS.subList(1, SECTORS.size()));
        Collections.shuffle(others, random);
        List<Party> parties = new ArrayList<>();
        Map<String, Integer> sectorShares = new TreeMap<>();
        for (int s = 0; s < sectorCount; s++) {
            String sector = s == 0 ? SECTORS.get(0) : others.get(s - 1);
            sectorShares.put(sector, 10_000 / sectorCount + (s == 0 ? 10_000 % sectorCount : 0));
            parties.add(new Party("zvw-" + s, "Zorgaanbieder " + runTag + "-" + index + "-" + s, "ZVW", sector, freshAgb()));
        }
        parties.add(new Party("welzijn", "Welzijn " + index, "WMO", null, null));
        parties.add(new Party("jeugd", "Jeugdteam " + index, "JEUGDWET", null, null));
        int start = random.nextInt(postcodes.size() - 8);
        List<String> area = List.copyOf(postcodes.subList(start, start + 2 + random.nextInt(7)));
        List<String> insurers = List.copyOf(new TreeMap<>(counts.countsByInsurer()).keySet());
        return new Terms(reference, "Samenwerking " + reference, validFrom, validUntil, insurers, parties, area,
                steadyLumpSum(), period, Map.of("ZVW", 7000, "WMO", 1000, "JEUGDWET", 2000), sectorShares,
                Terms.MAIN_CONTRACTOR, "zvw-0", Map.of(), counts.referenceDate(), counts.source(), Terms.IN_ADVANCE,
                Terms.IN_SERVICE_AREA);
    }

    /** EUR 1,000 to EUR 99,900 in whole hundreds of euros, so that the Zvw part (70%) has no remainder. */
    public long steadyLumpSum() {
        return 10_000L * (10 + random.nextInt(990));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Random helpers
    // -------------------------------------------------------------------------------------------------------------

    private List<String> area() {
        List<String> pool = new ArrayList<>(postcodes);
        Collections.shuffle(pool, random);
        return pool.subList(0, 1 + random.nextInt(8)).stream().sorted().toList();
    }

    /** A day strictly after {@code after} and not after {@code until}, sometimes the first of a month; null if none. */
    private LocalDate laterDay(LocalDate after, LocalDate until) {
        long room = java.time.temporal.ChronoUnit.DAYS.between(after, until);
        if (room < 1) {
            return null;
        }
        LocalDate day = after.plusDays(1 + random.nextLong(Math.min(room, 400)));
        LocalDate first = day.withDayOfMonth(1);
        return random.nextInt(100) < 40 && first.isAfter(after) ? first : day;
    }

    /** An amount with cents, from EUR 200 to EUR 250,000 per period, spread evenly over the orders of magnitude. */
    private long lumpSum() {
        double low = Math.log(20_000);
        double high = Math.log(25_000_000);
        return (long) Math.exp(low + random.nextDouble() * (high - low)) + random.nextInt(100);
    }

    /** Positive whole parts of {@code total} for the keys, in key order, adding up to it exactly. */
    private Map<String, Integer> composition(int total, List<String> keys) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        if (keys.size() == 1) {
            parts.put(keys.get(0), total);
            return parts;
        }
        int[] weights = new int[keys.size()];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 + random.nextInt(100);
            sum += weights[i];
        }
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            int part = Math.max(1, total * weights[i] / sum);
            parts.put(keys.get(i), part);
            given += part;
        }
        String largest = parts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
        parts.put(largest, parts.get(largest) + total - given);
        return parts;
    }

    private String freshAgb() {
        String agb;
        do {
            agb = String.format("%08d", random.nextInt(100_000_000));
        } while (!agbs.add(agb));
        return agb;
    }

    private int weighted(int[] weights) {
        int roll = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private List<String> sample(List<String> items, int count) {
        List<String> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, count));
    }
}

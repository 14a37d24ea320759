package nl.bdss.allocation.split.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.LargestRemainder;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/** Random budgets, shares, counts and partners: the split is exact at every level (R7, R10, R11). */
class BudgetSplitProperties {

    private static final List<String> SECTORS = List.of("GGZ", "HUISARTSENZORG", "PARAMEDISCHE_ZORG", "WIJKVERPLEGING");

    @Property(tries = 300)
    void everyLevelAddsUpExactly_withoutNegativeCents(@ForAll("scenarios") Scenario scenario) {
        List<AllocationLine> lines = BudgetSplit.lines(scenario.terms(), scenario.shares(), scenario.amount());

        assertThat(lines).allMatch(line -> line.amountCents() > 0);
        assertThat(sum(lines)).isEqualTo(scenario.amount());
        Map<LegalDomain, Long> perDomain = LargestRemainder.split(scenario.amount(), scenario.terms().domainShares()
                .entrySet().stream().map(e -> new LargestRemainder.Claim<>(e.getKey(), (long) e.getValue())).toList());
        perDomain.forEach((domain, amount) ->
                assertThat(sum(lines.stream().filter(l -> l.domain() == domain).toList())).isEqualTo(amount));
        Map<String, Long> perSector = LargestRemainder.split(perDomain.get(LegalDomain.ZVW), scenario.terms().sectorShares()
                .entrySet().stream().map(e -> new LargestRemainder.Claim<>(e.getKey(), (long) e.getValue())).toList());
        perSector.forEach((sector, amount) ->
                assertThat(sum(lines.stream().filter(l -> sector.equals(l.sector())).toList())).isEqualTo(amount));
        assertThat(lines).filteredOn(l -> l.domain() != LegalDomain.ZVW)
                .allMatch(l -> l.uzovi() == null && l.payeePartyKey() == null);
    }

    @Property(tries = 200)
    void isDeterministic_andInvariantUnderTheOrderOfInsurersAndShares(@ForAll("scenarios") Scenario scenario, @ForAll long seed) {
        List<MarketShare> shuffled = new ArrayList<>(scenario.shares());
        Collections.shuffle(shuffled, new Random(seed));

        List<AllocationLine> original = BudgetSplit.lines(scenario.terms(), scenario.shares(), scenario.amount());
        List<AllocationLine> reordered = BudgetSplit.lines(scenario.terms(), shuffled, scenario.amount());

        assertThat(reordered).containsExactlyElementsOf(original);
    }

    private static long sum(List<AllocationLine> lines) {
        return lines.stream().mapToLong(AllocationLine::amountCents).sum();
    }

    record Scenario(ContractTerms terms, List<MarketShare> shares, long amount) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Integer>> domainCuts = basisPoints(LegalDomain.values().length);
        Arbitrary<List<Integer>> sectorCuts = basisPoints(SECTORS.size());
        Arbitrary<List<Long>> counts = Arbitraries.longs().between(0, 2_000_000).list().ofMinSize(1).ofMaxSize(25)
                .filter(list -> list.stream().mapToLong(Long::longValue).sum() > 0);
        Arbitrary<Long> amount = Arbitraries.longs().between(0, 10_000_000_000L);
        Arbitrary<Boolean> equalPartners = Arbitraries.of(true, false);
        Arbitrary<List<Integer>> partnerWeights = Arbitraries.integers().between(0, 10_000).list().ofSize(SECTORS.size() * 2);
        return Combinators.combine(domainCuts, sectorCuts, counts, amount, equalPartners, partnerWeights)
                .as(BudgetSplitProperties::scenario);
    }

    private static Scenario scenario(List<Integer> domainCuts, List<Integer> sectorCuts, List<Long> counts, long amount,
            boolean equalPartners, List<Integer> partnerWeights) {
        Map<LegalDomain, Integer> domainShares = new EnumMap<>(LegalDomain.class);
        for (int i = 0; i < LegalDomain.values().length; i++) {
            domainShares.put(LegalDomain.values()[i], domainCuts.get(i));
        }
        if (domainShares.get(LegalDomain.ZVW) == 0) {
            domainShares.put(LegalDomain.ZVW, 1);
            domainShares.merge(largest(domainShares), -1, Integer::sum);
        }
        Map<String, Integer> sectorShares = new LinkedHashMap<>();
        for (int i = 0; i < SECTORS.size(); i++) {
            sectorShares.put(SECTORS.get(i), sectorCuts.get(i));
        }
        List<Party> parties = new ArrayList<>();
        Map<String, Integer> partnerShares = new LinkedHashMap<>();
        for (int i = 0; i < SECTORS.size(); i++) {
            for (int p = 0; p < 2; p++) {
                String key = SECTORS.get(i).toLowerCase() + "-" + p;
                parties.add(new Party(key, LegalDomain.ZVW, SECTORS.get(i), String.format("%08d", i * 10 + p)));
                partnerShares.put(key, partnerWeights.get(i * 2 + p) + (p == 0 ? 1 : 0));
            }
        }
        List<Uzovi> insurers = new ArrayList<>();
        List<MarketShare> shares = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            String uzovi = String.format("%04d", 3000 + i * 7);
            insurers.add(Uzovi.of(uzovi));
            shares.add(new MarketShare(uzovi, counts.get(i), 0));
        }
        ExecutionModel model = equalPartners ? ExecutionModel.equalPartners(partnerShares)
                : ExecutionModel.mainContractor(parties.get(0).key());
        ContractTerms terms = new ContractTerms("c", 1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                PeriodKind.YEAR, PaymentTiming.IN_ADVANCE, amount, domainShares, sectorShares, insurers, parties, model,
                Purchasing.coordinated(LocalDate.of(2025, 1, 1), CountSource.INSURERS), List.of(Postcode.of("1011")));
        return new Scenario(terms, shares, amount);
    }

    private static LegalDomain largest(Map<LegalDomain, Integer> shares) {
        return shares.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }

    /** {@code parts} non-negative basis points adding up to exactly 10000. */
    private static Arbitrary<List<Integer>> basisPoints(int parts) {
        return Arbitraries.integers().between(0, 10_000).list().ofSize(parts - 1).map(cuts -> {
            List<Integer> sorted = cuts.stream().sorted().collect(Collectors.toCollection(ArrayList::new));
            List<Integer> shares = new ArrayList<>();
            int previous = 0;
            for (int cut : sorted) {
                shares.add(cut - previous);
                previous = cut;
            }
            shares.add(10_000 - previous);
            return shares;
        });
    }
}

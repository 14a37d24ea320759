package nl.bdss.allocation.split.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.bdss.kernel.time.PeriodKind;

/** Random contracts with random amendments: the past before an amendment stays put, every period adds up (R8). */
class EffectiveDatedAmendmentProperties {

    @Property(tries = 300)
    void periodsEntirelyBeforeTheEffectiveDate_areIdenticalToBeforeTheAmendment(@ForAll("histories") History history) {
        Allocation before = EffectiveDatedAmendmentTest.allocate(history.versions().subList(0, history.versions().size() - 1));
        Allocation after = EffectiveDatedAmendmentTest.allocate(history.versions());
        LocalDate effectiveFrom = history.versions().get(history.versions().size() - 1).effectiveFrom();

        // a period that straddles the effective date may change (and is cut there if the period kind changes)
        List<AllocatedPeriod> pastBefore = before.periods().stream().filter(p -> p.end().isBefore(effectiveFrom)).toList();
        assertThat(after.periods().size()).isGreaterThanOrEqualTo(pastBefore.size());
        assertThat(after.periods().subList(0, pastBefore.size())).containsExactlyElementsOf(pastBefore);
    }

    @Property(tries = 300)
    void everyPeriodAddsUpExactly_andCoversTheValidityWithoutGaps(@ForAll("histories") History history) {
        Allocation allocation = EffectiveDatedAmendmentTest.allocate(history.versions());

        assertThat(allocation.periods()).isNotEmpty();
        assertThat(allocation.periods().get(0).start()).isEqualTo(allocation.validFrom());
        assertThat(allocation.periods().get(allocation.periods().size() - 1).end()).isEqualTo(allocation.validUntil());
        for (int i = 0; i < allocation.periods().size(); i++) {
            AllocatedPeriod period = allocation.periods().get(i);
            if (i > 0) {
                assertThat(period.start()).isEqualTo(allocation.periods().get(i - 1).end().plusDays(1));
            }
            assertThat(period.lines()).allMatch(line -> line.amountCents() > 0);
            assertThat(period.lines().stream().mapToLong(AllocationLine::amountCents).sum() + period.unfundedCents())
                    .isEqualTo(period.amountCents());
            assertThat(period.lines().stream().map(line -> List.of(String.valueOf(line.domain()),
                    String.valueOf(line.sector()), String.valueOf(line.uzovi()), String.valueOf(line.payeePartyKey()))))
                    .doesNotHaveDuplicates();
        }
    }

    @Property(tries = 200)
    void isDeterministic(@ForAll("histories") History history) {
        assertThat(EffectiveDatedAmendmentTest.allocate(history.versions()))
                .isEqualTo(EffectiveDatedAmendmentTest.allocate(history.versions()));
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Long> lumpSums = Arbitraries.longs().between(0, 5_000_000_000L);
        Arbitrary<PeriodKind> kinds = Arbitraries.of(PeriodKind.class);
        Arbitrary<Integer> offsets = Arbitraries.integers().between(-30, 4 * 366);
        Arbitrary<Integer> amendments = Arbitraries.integers().between(1, 3);
        return Combinators.combine(lumpSums.list().ofSize(4), kinds.list().ofSize(4), offsets.list().ofSize(3),
                amendments, Arbitraries.integers().between(0, 3 * 365)).as((sums, periodKinds, days, count, length) -> {
                    LocalDate validFrom = LocalDate.of(2025, 1, 1).plusDays(days.get(0) < 0 ? 0 : days.get(0) % 200);
                    LocalDate validUntil = validFrom.plusDays(length);
                    var versions = new java.util.ArrayList<ContractVersion>();
                    versions.add(ContractVersion.registered(terms(1, validFrom, validUntil, sums.get(0), periodKinds.get(0))));
                    for (int v = 2; v <= count + 1; v++) {
                        versions.add(new ContractVersion(terms(v, validFrom, validUntil, sums.get(v - 1),
                                periodKinds.get(v - 1)), ContractChangeKind.AMENDED, validFrom.plusDays(days.get(v - 2))));
                    }
                    return new History(List.copyOf(versions));
                });
    }

    private static ContractTerms terms(int version, LocalDate validFrom, LocalDate validUntil, long lumpSumCents,
            PeriodKind kind) {
        ContractTerms t = ContractFixtures.manualExample();
        return new ContractTerms(t.contractId(), version, validFrom, validUntil, kind, t.paymentTiming(), lumpSumCents,
                t.domainShares(), t.sectorShares(), t.insurers(), t.parties(), t.executionModel(), t.purchasing(),
                t.serviceArea());
    }

    record History(List<ContractVersion> versions) {
    }
}

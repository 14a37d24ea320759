package nl.bdss.system.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.bdss.system.ledger.ExpectedLedger;
import nl.bdss.system.workload.Terms.Party;
import nl.bdss.system.workload.Workload.DeliverCounts;
import nl.bdss.system.workload.Workload.Operation;
import nl.bdss.system.workload.Workload.PlannedContract;
import nl.bdss.system.workload.Workload.Register;
import nl.bdss.system.workload.Workload.Round;
import org.junit.jupiter.api.Test;

/**
 * The generator must only ask for what the contract API accepts (a refusal aborts a run) and must keep to the shape
 * the expected ledger relies on. Checked over many seeds and rounds.
 */
class WorkloadTest {

    @Test
    void everyGeneratedContractMeetsTheContractRules_R1_to_R14() {
        for (long seed = 1; seed <= 60; seed++) {
            Workload workload = new Workload(seed);
            for (int number = 1; number <= 3; number++) {
                Round round = workload.round(number, 40);
                round.contracts().forEach(contract -> contract.versions().forEach(version -> meetsTheRules(version.terms())));
            }
        }
    }

    @Test
    void amendmentsComeInDateOrder_keepTheEnd_onlyMakeThePeriodFinerAndTheTimingInAdvance_soBookedPeriodsStayDue() {
        for (long seed = 1; seed <= 60; seed++) {
            for (PlannedContract contract : new Workload(seed).round(1, 40).contracts()) {
                List<ContractVersion> versions = contract.versions();
                Terms first = versions.get(0).terms();
                Terms previous = first;
                LocalDate lastEffective = first.validFrom();
                for (ContractVersion version : versions.subList(1, versions.size())) {
                    Terms terms = version.terms();
                    if (Terms.IN_ADVANCE.equals(previous.paymentTiming())) {
                        assertThat(terms.paymentTiming()).as("never from in advance to in arrears").isEqualTo(Terms.IN_ADVANCE);
                    }
                    if (version.change() == ContractVersion.Change.AMENDED) {
                        assertThat(version.effectiveFrom()).isAfter(lastEffective).isBeforeOrEqualTo(terms.validUntil());
                        assertThat(terms.validFrom()).as("valid on its own date").isBeforeOrEqualTo(version.effectiveFrom());
                        assertThat(terms.validUntil()).isEqualTo(first.validUntil());
                        assertThat(previous.period().finerOrEqual(terms.period())).isTrue();
                        lastEffective = version.effectiveFrom();
                    } else {
                        assertThat(terms.validFrom()).isEqualTo(previous.validFrom());
                        assertThat(terms.validUntil()).isBetween(previous.validFrom(), first.validUntil());
                    }
                    previous = terms;
                }
            }
        }
    }

    @Test
    void theMixMovesStartsBothWaysChangesTimingsToInAdvanceAndUsesBothMarketShareBases() {
        int earlier = 0;
        int later = 0;
        int toInAdvance = 0;
        Map<String, Integer> bases = new HashMap<>();
        for (long seed = 1; seed <= 20; seed++) {
            for (PlannedContract contract : new Workload(seed).round(1, 40).contracts()) {
                List<ContractVersion> versions = contract.versions();
                versions.stream().map(ContractVersion::terms).filter(Terms::coordinated)
                        .forEach(terms -> bases.merge(terms.marketShareBasis(), 1, Integer::sum));
                for (int v = 1; v < versions.size(); v++) {
                    Terms before = versions.get(v - 1).terms();
                    Terms after = versions.get(v).terms();
                    earlier += after.validFrom().isBefore(before.validFrom()) ? 1 : 0;
                    later += after.validFrom().isAfter(before.validFrom()) ? 1 : 0;
                    toInAdvance += before.paymentTiming().equals(after.paymentTiming()) ? 0 : 1;
                }
            }
        }
        assertThat(earlier).isPositive();
        assertThat(later).isPositive();
        assertThat(toInAdvance).isPositive();
        assertThat(bases).containsOnlyKeys(Terms.IN_SERVICE_AREA, Terms.IN_SERVICE_AREA_ALL_INSURERS);
    }

    @Test
    void everyCoordinatedContractsInsurersHaveInsuredsInItsAreaInTheDatasetItNames_soNothingStaysPending_R11() {
        for (long seed = 1; seed <= 40; seed++) {
            Workload workload = new Workload(seed);
            Map<String, CountDataset> delivered = new HashMap<>();
            for (int number = 1; number <= 3; number++) {
                Round round = workload.round(number, 40);
                for (Operation operation : round.all()) {
                    if (operation instanceof DeliverCounts deliver) {
                        delivered.put(deliver.dataset().label(), deliver.dataset());
                    }
                }
                for (PlannedContract contract : round.contracts()) {
                    for (ContractVersion version : contract.versions()) {
                        Terms terms = version.terms();
                        if (terms.coordinated()) {
                            CountDataset dataset = delivered.get(terms.countSource() + "@" + terms.referenceDate());
                            assertThat(dataset).as("dataset of %s", terms.reference()).isNotNull();
                            assertThat(dataset.covers(terms.insurers(), terms.serviceArea())).isTrue();
                        }
                    }
                    assertThat(ExpectedLedger.allocate("c", contract.versions(), (source, date) -> Optional.ofNullable(
                            delivered.get(source + "@" + date))).complete()).isTrue();
                }
            }
        }
    }

    @Test
    void someChangesAreRefused_declinedByAPartyOrWithdrawn_rightAfterTheRegistration_R1() {
        Map<Boolean, Integer> refused = new HashMap<>();
        for (long seed = 1; seed <= 10; seed++) {
            List<Operation> load = new Workload(seed).round(1, 40).load();
            for (int i = 0; i < load.size(); i++) {
                if (load.get(i) instanceof Workload.Refused change) {
                    refused.merge(change.withdrawn(), 1, Integer::sum);
                    assertThat(load.get(i - 1)).isInstanceOfSatisfying(Workload.Register.class,
                            register -> assertThat(register.contract()).isSameAs(change.contract()));
                    assertThat(change.contract().versions()).doesNotContain(change.proposed());
                }
            }
        }
        assertThat(refused).containsOnlyKeys(true, false);
    }

    @Test
    void theSameSeedGivesTheSameLoad() {
        Round one = new Workload(99).round(1, 10);
        Round other = new Workload(99).round(1, 10);
        assertThat(one.load().stream().filter(Register.class::isInstance).map(op -> ((Register) op).contract().versions()).toList())
                .isEqualTo(other.load().stream().filter(Register.class::isInstance)
                        .map(op -> ((Register) op).contract().versions()).toList());
    }

    private static void meetsTheRules(Terms terms) {
        assertThat(terms.validFrom()).isAfterOrEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(terms.validUntil()).isBeforeOrEqualTo(LocalDate.of(2029, 5, 1)).isAfterOrEqualTo(terms.validFrom());
        assertThat(terms.insurers()).isNotEmpty().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(5)
                .allMatch(uzovi -> uzovi.matches("\\d{4}"));
        assertThat(terms.serviceArea()).isNotEmpty().doesNotHaveDuplicates().allMatch(pc4 -> pc4.matches("[1-9]\\d{3}"));
        assertThat(terms.parties()).hasSizeBetween(2, 6);
        Set<String> keys = new HashSet<>();
        Set<String> agbs = new HashSet<>();
        for (Party party : terms.parties()) {
            assertThat(keys.add(party.key())).as("party key %s once", party.key()).isTrue();
            if (party.zvw()) {
                assertThat(party.agb()).matches("\\d{8}");
                assertThat(agbs.add(party.agb())).as("AGB %s once", party.agb()).isTrue();
                assertThat(party.sector()).isIn(Workload.SECTORS);
            } else {
                assertThat(party.sector()).isNull();
                assertThat(party.domain()).isIn(Workload.OTHER_DOMAINS);
            }
        }
        assertThat(terms.zvwProviders()).isNotEmpty();
        Set<String> domains = new HashSet<>();
        terms.parties().forEach(party -> domains.add(party.domain()));
        assertThat(terms.domainShares().keySet()).isEqualTo(domains);
        assertWhole(terms.domainShares().values());
        Set<String> sectors = new HashSet<>();
        terms.zvwProviders().forEach(party -> sectors.add(party.sector()));
        assertThat(terms.sectorShares().keySet()).isEqualTo(sectors);
        assertWhole(terms.sectorShares().values());
        if (Terms.MAIN_CONTRACTOR.equals(terms.executionType())) {
            assertThat(terms.zvwProviders()).anyMatch(party -> party.key().equals(terms.mainContractor()));
        } else {
            Map<String, Integer> perSector = new HashMap<>();
            terms.zvwProviders().forEach(party -> perSector.merge(party.sector(), terms.partnerShares().get(party.key()), Integer::sum));
            assertThat(perSector.values()).allMatch(sum -> sum == 10_000);
            assertThat(terms.partnerShares()).hasSize(terms.zvwProviders().size());
        }
        assertThat(terms.lumpSumCents()).isPositive();
        if (terms.coordinated()) {
            assertThat(terms.referenceDate().getMonthValue()).isBetween(3, 12);
        }
    }

    private static void assertWhole(java.util.Collection<Integer> shares) {
        assertThat(shares).allMatch(share -> share >= 1 && share <= 10_000);
        assertThat(shares.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
    }
}

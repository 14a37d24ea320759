package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(properties = {ReportingServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class SectorLoadIT {

    @LocalServerPort
    int port;

    /**
     * The example's first-year settlements, moved to 2036, a year no other test uses ({@link ManualExampleInYears}),
     * under a contract id of this test's own: the sector-year's loads and changes are its alone.
     */
    @Test
    void manualExampleSettlements_loadWijkverplegingAndHuisartsenzorgWith3500000Each_R17_R18() {
        Api api = new Api(port);
        String contract = UUID.randomUUID().toString();
        TopicsClient.publish(Topics.SETTLEMENTS, contract, ManualExampleInYears.settlements(contract, 2036));

        // 2,100,000 (3311) + 1,400,000 (3343) per sector
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.sectorLoad(2036, "WIJKVERPLEGING")).isEqualTo(3_500_000L);
            assertThat(api.sectorLoad(2036, "HUISARTSENZORG")).isEqualTo(3_500_000L);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SectorLoadChanged> changes = sectorLoadChanges("WIJKVERPLEGING|2036");
            // one change per poll batch that moved the total: 3311's 2,100,000 and 3343's 1,400,000 arrive in one poll
            // (one change of 3,500,000) or in two (2,100,000, then 1,400,000); a rebuild from offset 0 (ReadModelsIT)
            // publishes nothing again, so there are never more than these
            assertThat(changes).hasSizeBetween(1, 2);
            assertThat(changes).extracting(SectorLoadChanged::getVersion)
                    .containsExactlyElementsOf(changes.size() == 1 ? List.of(1L) : List.of(1L, 2L));
            assertThat(changes).extracting(SectorLoadChanged::getDeltaCents)
                    .containsExactlyElementsOf(changes.size() == 1 ? List.of(3_500_000L) : List.of(2_100_000L, 1_400_000L));
            assertThat(changes.get(changes.size() - 1).getTotalCents()).isEqualTo(3_500_000L);
            assertThat(changes).allSatisfy(change ->
                    assertThat(change.getCause()).startsWith(contract));
        });
    }

    @Test
    void redeliveredEvents_andTheSameEntryInAnotherEvent_changeNothing() {
        Api api = new Api(port);
        String contract = "redelivery-" + UUID.randomUUID();
        SettlementBooked first = entry(contract, 1, contract + "/e1", SettlementKind.LUMP_SUM, null, 2032, 500_000);
        TopicsClient.publish(Topics.SETTLEMENTS, contract, List.of(first));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2032, "GGZ") == 500_000L);

        SettlementBooked sameEntryNewEvent = entry(contract, 1, contract + "/e1", SettlementKind.LUMP_SUM, null, 2032, 500_000);
        SettlementBooked sentinel = entry(contract, 2, contract + "/sentinel", SettlementKind.LUMP_SUM, null, 2033, 1);
        TopicsClient.publish(Topics.SETTLEMENTS, contract, List.of(first, first, sameEntryNewEvent, sentinel));
        // same key, same partition: once the sentinel is booked, the redeliveries before it have been processed
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2033, "GGZ") == 1L);

        assertThat(api.sectorLoad(2032, "GGZ")).isEqualTo(500_000L);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sectorLoadChanges("GGZ|2033")).hasSize(1));
        assertThat(sectorLoadChanges("GGZ|2032")).hasSize(1);
    }

    @Test
    void correctionEntry_changesTheLoadByItsDelta_R17() {
        Api api = new Api(port);
        String contract = "correction-" + UUID.randomUUID();
        SettlementBooked lumpSum = entry(contract, 1, contract + "/e1", SettlementKind.LUMP_SUM, null, 2031, 1_000_000);
        SettlementBooked correction = entry(contract, 2, contract + "/c1", SettlementKind.CORRECTION, contract + "/e1", 2031, -250_000);
        TopicsClient.publish(Topics.SETTLEMENTS, contract, List.of(lumpSum, correction));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2031, "PARAMEDISCHE_ZORG") == 750_000L);
        // Downstream hears the new total once per poll batch that changed it: one change when both entries arrived
        // in one poll, two otherwise; either way the versions run on, the deltas add up and the last cause is the
        // correction.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SectorLoadChanged> changes = sectorLoadChanges("PARAMEDISCHE_ZORG|2031");
            assertThat(changes).isNotEmpty();
            SectorLoadChanged last = changes.get(changes.size() - 1);
            assertThat(last.getTotalCents()).isEqualTo(750_000L);
            assertThat(last.getCause()).isEqualTo(contract + "/c1");
            assertThat(changes.stream().mapToLong(SectorLoadChanged::getDeltaCents).sum()).isEqualTo(750_000L);
            assertThat(changes).extracting(SectorLoadChanged::getVersion)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, changes.size()).boxed().toList());
        });
    }

    /** An entry of the first quarter of {@code year}, in an event of its own (a new event id on every call). */
    private static SettlementBooked entry(String contract, long sequence, String entryId, SettlementKind kind,
            String corrects, int year, long amountCents) {
        String sector = contract.startsWith("correction") ? "PARAMEDISCHE_ZORG" : "GGZ";
        return ManualExampleEvents.lumpSum(contract, sequence, LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31), "3311",
                        sector, amountCents)
                .setEventId(UUID.randomUUID())
                .setEntryId(entryId)
                .setKind(kind)
                .setCorrectsEntryId(corrects)
                .build();
    }

    static List<SectorLoadChanged> sectorLoadChanges(String key) {
        return TopicsClient.readAll(Topics.SECTOR_LOADS, Duration.ofSeconds(2)).stream()
                .filter(record -> record.key().equals(key))
                .map(ConsumerRecord::value)
                .sorted(java.util.Comparator.comparingLong(SectorLoadChanged::getVersion))
                .toList();
    }
}

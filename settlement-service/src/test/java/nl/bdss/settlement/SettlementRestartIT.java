package nl.bdss.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.settlement.ledger.application.LedgerInvariants;
import nl.bdss.testsupport.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Restarting the service mid-run leaves the ledger unchanged. A burst of allocations (30 contracts, four versions
 * each, with corrections of both years and terminations) spans a restart: the first half is published to a running
 * instance, which is closed while it consumes; the second half (and redeliveries of the first) is published while
 * it is down; a new instance then consumes the rest. The ledger must equal what one uninterrupted run books, derived
 * here from the published allocations alone. The instances run in this JVM on their own database and consumer group
 * ({@value #GROUP}), with the real configuration, relay and scheduler, on a clock fixed at 2026-11-22.
 */
class SettlementRestartIT {

    private static final Logger log = LoggerFactory.getLogger(SettlementRestartIT.class);
    private static final String DATABASE = "settlement_restart";
    private static final String GROUP = "settlement-restart-it";
    private static final int CONTRACTS = 30;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** The day both instances' clock stands at: both years of the burst are due, in advance. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void restartingTheServiceMidRunBooksExactlyWhatOneUninterruptedRunBooks_noEntryTwice_R8() throws Exception {
        String prefix = "it-restart-" + UUID.randomUUID() + "-";
        Map<String, List<AllocationCalculated>> history = burst(prefix);
        List<AllocationCalculated> firstHalf = versions(history, 1, 2);
        List<AllocationCalculated> secondHalf = new ArrayList<>(versions(history, 3, 4));
        secondHalf.addAll(versions(history, 2, 2).subList(0, 10)); // redelivered: same event ids
        Set<UUID> eventIds = history.values().stream().flatMap(List::stream).map(AllocationCalculated::getEventId)
                .collect(Collectors.toSet());

        long processedAtStop;
        try (KafkaProducer<String, Object> producer = producer()) {
            ConfigurableApplicationContext first = start();
            JdbcClient db = database();
            try {
                for (AllocationCalculated allocation : firstHalf) {
                    producer.send(new ProducerRecord<>(Topics.ALLOCATIONS.name(), allocation.getContractId(), allocation));
                }
                producer.flush();
                await(() -> processed(db, eventIds) >= 5, "the first instance is consuming the burst");
            } finally {
                first.close();
            }
            processedAtStop = processed(db, eventIds);
            log.info("First instance closed after applying {} of the {} allocations published to it",
                    processedAtStop, firstHalf.size());
            assertThat(processedAtStop).isPositive().isLessThan(eventIds.size());

            for (AllocationCalculated allocation : secondHalf) {
                producer.send(new ProducerRecord<>(Topics.ALLOCATIONS.name(), allocation.getContractId(), allocation)).get();
            }
        }

        ConfigurableApplicationContext second = start();
        try {
            JdbcClient db = second.getBean(JdbcClient.class);
            Map<String, Long> expected = expectedEntries(history, TODAY);
            await(() -> processed(db, eventIds) == eventIds.size() && entries(db, prefix).size() == expected.size()
                    && db.sql("select count(*) from outbox_message").query(Long.class).single() == 0,
                    "the second instance consumed the rest of the burst and drained its outbox");

            assertThat(entries(db, prefix)).as("entry key -> amount, as one uninterrupted run books them")
                    .isEqualTo(expected);
            assertThat(db.sql("""
                    select count(*) from (select 1 from settlement_entry where contract_id like ?
                    group by contract_id, period_start, uzovi, payee_agb, sector, allocation_version having count(*) > 1) twice""")
                    .param(prefix + "%").query(Long.class).single()).as("no target booked twice for one allocation version")
                    .isZero();
            assertThat(db.sql("""
                    select count(*) from contract_allocation a where contract_id like ? and (allocation_version <> 4
                    or last_sequence <> (select count(*) from settlement_entry e where e.contract_id = a.contract_id))""")
                    .param(prefix + "%").query(Long.class).single())
                    .as("every contract at allocation v4, its sequence gap-free").isZero();
            assertThat(netPerTarget(db, prefix)).as("net per target = the last allocation's payable amount")
                    .isEqualTo(finalAllocation(history, TODAY));
            assertThat(db.sql("""
                    select count(*) = 2 * (select count(*) from settlement_entry where contract_id like :c)
                       and sum(debit_cents) = sum(credit_cents)
                       and sum(debit_cents) = (select sum(abs(amount_cents)) from settlement_entry where contract_id like :c)
                    from ledger_posting where booking_ref like :c""")
                    .param("c", prefix + "%").query(Boolean.class).single())
                    .as("two balanced postings per entry, nothing else").isTrue();
            LedgerInvariants.Report report = second.getBean(LedgerInvariants.class).check();
            assertThat(report.holds()).as(report.toString()).isTrue();

            Map<String, UUID> eventIdPerEntry = new HashMap<>();
            db.sql("select entry_key, event_id from settlement_entry where contract_id like ?").param(prefix + "%")
                    .query((rs, n) -> eventIdPerEntry.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
            Map<String, List<SettlementBooked>> published = publishedEntries(prefix, eventIdPerEntry.keySet());
            long duplicates = published.values().stream().mapToLong(records -> records.size() - 1).sum();
            log.info("Entries topic: {} entries published, {} re-sent duplicates", published.size(), duplicates);
            assertThat(published.keySet()).as("every entry published").isEqualTo(eventIdPerEntry.keySet());
            published.forEach((entryId, records) -> assertThat(records)
                    .as("a re-sent entry carries its original event id, so consumers drop it: " + entryId)
                    .allMatch(r -> r.getEventId().equals(eventIdPerEntry.get(entryId)))
                    .allMatch(r -> r.equals(records.get(0))));
        } finally {
            second.close();
        }
    }

    /** Four versions per contract: 2026 raised, then 2025 raised by odd amounts, then a termination or a cut. */
    private static Map<String, List<AllocationCalculated>> burst(String prefix) {
        Map<String, List<AllocationCalculated>> history = new LinkedHashMap<>();
        LocalDate end = LocalDate.of(2026, 12, 31);
        for (int i = 0; i < CONTRACTS; i++) {
            String contract = prefix + i;
            long raised2026 = 12_000_000L + i * 1_000L;
            long raised2025 = 10_000_000L + i * 100L + 7;
            history.put(contract, List.of(
                    allocation(contract, 1, end, 10_000_000L, 10_000_000L),
                    allocation(contract, 2, end, 10_000_000L, raised2026),
                    allocation(contract, 3, end, raised2025, raised2026),
                    i % 2 == 0
                            ? allocation(contract, 4, LocalDate.of(2026, 6, 30), raised2025, raised2026)
                            : allocation(contract, 4, end, raised2025, 9_000_000L)));
        }
        return history;
    }

    /**
     * Version {@code version} of the example (of contract version {@code version}) with the given full-year lump
     * sums: 2025 a whole year, 2026 until {@code validUntil}, shortened pro rata by days as a termination does:
     * lump sum x day of year of {@code validUntil} / 365, rounded down (2026-06-30: 181/365).
     */
    private static AllocationCalculated allocation(String contract, int version, LocalDate validUntil, long lumpSum2025,
            long lumpSum2026) {
        long amount2026 = lumpSum2026 * validUntil.getDayOfYear() / 365;
        return ManualExampleEvents.allocation(contract, version, version)
                .setValidUntil(validUntil)
                .setLumpSumCents(lumpSum2026)
                .setPeriods(List.of(split(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), lumpSum2025),
                        split(LocalDate.of(2026, 1, 1), validUntil, amount2026)))
                .build();
    }

    /**
     * The example's split of an odd amount in whole cents, the burst's input (the expected ledger is derived from the
     * lines, whatever they are): Wmo amount / 10, Jeugdwet amount / 5, Zvw the rest, half of it per sector (the
     * second sector takes the odd cent), 3311 six tenths of a sector rounded down and 3343 the rest. For 10,000,000:
     * 1,000,000, 2,000,000 and per sector 3,500,000 = 2,100,000 + 1,400,000, the manual's figures.
     */
    private static AllocationPeriod split(LocalDate start, LocalDate end, long amount) {
        long wmo = amount / 10;
        long jeugdwet = amount / 5;
        long zvw = amount - wmo - jeugdwet;
        long wijkverpleging = zvw / 2;
        long huisartsenzorg = zvw - wijkverpleging;
        return new AllocationPeriod(start, end, amount, List.of(
                ManualExampleEvents.domainLine(LegalDomain.WMO, "welzijn-centraal", wmo),
                ManualExampleEvents.domainLine(LegalDomain.JEUGDWET, "jeugdteam-oost", jeugdwet),
                ManualExampleEvents.zvwLine("WIJKVERPLEGING", "3311", wijkverpleging * 6 / 10),
                ManualExampleEvents.zvwLine("WIJKVERPLEGING", "3343", wijkverpleging - wijkverpleging * 6 / 10),
                ManualExampleEvents.zvwLine("HUISARTSENZORG", "3311", huisartsenzorg * 6 / 10),
                ManualExampleEvents.zvwLine("HUISARTSENZORG", "3343", huisartsenzorg - huisartsenzorg * 6 / 10)));
    }

    /** The given versions of every contract, version by version, as a producer would publish them. */
    private static List<AllocationCalculated> versions(Map<String, List<AllocationCalculated>> history, int from, int to) {
        List<AllocationCalculated> events = new ArrayList<>();
        for (int version = from; version <= to; version++) {
            for (List<AllocationCalculated> versions : history.values()) {
                events.add(versions.get(version - 1));
            }
        }
        return events;
    }

    /**
     * What one uninterrupted run books, from the allocations alone: per payable target of a due period, a lump sum
     * of the first allocated amount, then per later version that changes the amount one correction of the
     * difference (a target no longer allocated is corrected to zero).
     */
    private static Map<String, Long> expectedEntries(Map<String, List<AllocationCalculated>> history, LocalDate today) {
        Map<String, Long> entries = new TreeMap<>();
        for (List<AllocationCalculated> versions : history.values()) {
            Map<String, Long> net = new HashMap<>();
            for (AllocationCalculated allocation : versions) {
                Map<String, Long> allocated = payable(allocation, today);
                Set<String> targets = new LinkedHashSet<>(allocated.keySet());
                targets.addAll(net.keySet());
                for (String target : targets) {
                    long amount = allocated.getOrDefault(target, 0L);
                    Long booked = net.get(target);
                    if (booked == null && amount > 0) {
                        entries.put(target + "|LUMP_SUM", amount);
                        net.put(target, amount);
                    } else if (booked != null && booked != amount) {
                        entries.put(target + "|CORRECTION|v" + allocation.getAllocationVersion(), amount - booked);
                        net.put(target, amount);
                    }
                }
            }
        }
        return entries;
    }

    private static Map<String, Long> finalAllocation(Map<String, List<AllocationCalculated>> history, LocalDate today) {
        Map<String, Long> targets = new TreeMap<>();
        history.values().forEach(versions -> targets.putAll(payable(versions.get(versions.size() - 1), today)));
        return targets;
    }

    /** The Zvw lines of periods due in advance by today, keyed contract|periodStart|uzovi|payee|sector. */
    private static Map<String, Long> payable(AllocationCalculated allocation, LocalDate today) {
        Map<String, Long> amounts = new HashMap<>();
        for (AllocationPeriod period : allocation.getPeriods()) {
            if (period.getPeriodStart().isAfter(today)) {
                continue;
            }
            for (AllocationLine line : period.getLines()) {
                if (line.getDomain() == LegalDomain.ZVW) {
                    amounts.put(String.join("|", allocation.getContractId(), period.getPeriodStart().toString(),
                            line.getUzovi(), line.getPayeeAgb(), line.getSector()), line.getAmountCents());
                }
            }
        }
        return amounts;
    }

    private static Map<String, Long> entries(JdbcClient db, String prefix) {
        Map<String, Long> entries = new TreeMap<>();
        db.sql("select entry_key, amount_cents from settlement_entry where contract_id like ?").param(prefix + "%")
                .query((rs, n) -> entries.put(rs.getString(1), rs.getLong(2))).list();
        return entries;
    }

    private static Map<String, Long> netPerTarget(JdbcClient db, String prefix) {
        Map<String, Long> net = new TreeMap<>();
        db.sql("""
                select contract_id || '|' || period_start || '|' || uzovi || '|' || payee_agb || '|' || sector,
                       sum(amount_cents)
                from settlement_entry where contract_id like ? group by 1 having sum(amount_cents) <> 0""")
                .param(prefix + "%").query((rs, n) -> net.put(rs.getString(1), rs.getLong(2))).list();
        return net;
    }

    private static long processed(JdbcClient db, Set<UUID> eventIds) {
        return db.sql("select event_id from processed_event").query(UUID.class).list().stream()
                .filter(eventIds::contains).count();
    }

    /** Every SettlementBooked of the burst's contracts on the entries topic, per entryId, read until complete. */
    private static Map<String, List<SettlementBooked>> publishedEntries(String prefix, Set<String> entryIds) {
        Infrastructure infrastructure = Infrastructure.get();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "settlement-restart-it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConfluentAvroDeserializer values = new ConfluentAvroDeserializer();
        values.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        Map<String, List<SettlementBooked>> published = new TreeMap<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.SETTLEMENTS.name()));
            Set<String> seen = new HashSet<>();
            int quietPolls = 0;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!seen.containsAll(entryIds) || quietPolls < 3) {
                assertThat(System.nanoTime()).as("all entries published within " + PATIENCE).isLessThan(deadline);
                var records = consumer.poll(Duration.ofMillis(300));
                quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
                for (ConsumerRecord<String, Object> record : records) {
                    SettlementBooked booked = (SettlementBooked) record.value();
                    if (booked.getContractId().startsWith(prefix)) {
                        published.computeIfAbsent(booked.getEntryId(), id -> new ArrayList<>()).add(booked);
                        seen.add(booked.getEntryId());
                    }
                }
            }
        }
        return published;
    }

    /** The service as it is deployed, started with command-line arguments pointing it at the test infrastructure. */
    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new LinkedHashMap<>(Infrastructure.get().springProperties(DATABASE));
        properties.put("spring.config.name", "settlement-service");
        properties.put("spring.application.name", GROUP);
        properties.put("server.port", 0);
        properties.put("spring.jmx.enabled", false);
        properties.put("bdss.settlement.scheduler-interval-ms", 250);
        String[] arguments = Stream.concat(properties.entrySet().stream()
                        .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()),
                        Stream.of("--" + TestProperties.SECURITY_OFF))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SettlementServiceApplication.class)
                .initializers((GenericApplicationContext application) -> application.registerBean("fixedClock",
                        Clock.class, () -> CLOCK, definition -> definition.setPrimary(true)))
                .run(arguments);
        if (context.getBean(Clock.class) != CLOCK) {
            context.close();
            throw new AssertionError("the service must judge what is due by the test's fixed clock");
        }
        return context;
    }

    /** A connection of the test's own, that outlives the service instances. */
    private static JdbcClient database() {
        Infrastructure infrastructure = Infrastructure.get();
        return JdbcClient.create(new DriverManagerDataSource(infrastructure.jdbcUrl(DATABASE),
                infrastructure.username(), infrastructure.password()));
    }

    private static KafkaProducer<String, Object> producer() {
        Infrastructure infrastructure = Infrastructure.get();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        ConfluentAvroSerializer avro = new ConfluentAvroSerializer();
        avro.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()), false);
        return new KafkaProducer<>(config, new StringSerializer(), avro);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

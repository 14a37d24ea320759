package nl.bdss.contract.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contracts stored before proposals existed keep working: V4 gives every version already in force its signatories
 * (each insurer, each Zvw provider's AGB), so its parties go on reading it. Run on a schema of its own, migrated to
 * V3, given a contract as that release stored it, then migrated to the end.
 */
class ExistingContractsMigrationIT extends ContractApiSupport {

    private static final String[] LOCATIONS = {"classpath:db/migration/messaging", "classpath:db/migration/security",
            "classpath:db/migration/contract"};

    @Autowired
    DataSource dataSource;

    @Test
    void versionsInForceBeforeV4_getTheirSignatories_andNoProposal() {
        String schema = "migration_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            migrate(schema, "3");
            UUID id = UUID.randomUUID();
            String document = manualExampleText();
            jdbc.sql("insert into " + schema + ".contract (id, reference, status, version, valid_from, valid_until,"
                            + " effective_from, document, warnings, created_at, updated_at) values (?, 'OLD-1', 'ACTIVE', 2,"
                            + " date '2025-01-01', date '2026-12-31', date '2025-01-01', cast(? as jsonb), '[]', now(), now())")
                    .params(id, document).update();
            for (int version : new int[] {1, 2}) {
                jdbc.sql("insert into " + schema + ".contract_version (contract_id, version, change, status, effective_from,"
                                + " document, warnings, overlapping_contract_ids, recorded_at) values (?, ?, ?, 'ACTIVE',"
                                + " date '2025-01-01', cast(? as jsonb), '[]', '[]', now())")
                        .params(id, version, version == 1 ? "REGISTERED" : "OVERLAP_FLAGGED", document).update();
            }

            migrate(schema, null);

            // the manual example: insurers 3311 and 3343, Zvw providers 01012345 and 75750123 (Wmo, Jeugdwet: no AGB)
            assertThat(jdbc.sql("select version || ' ' || role || ' ' || code from " + schema + ".contract_version_party"
                            + " where contract_id = ? order by version, role, code").param(id).query(String.class).list())
                    .containsExactly("1 INSURER 3311", "1 INSURER 3343", "1 PROVIDER 01012345", "1 PROVIDER 75750123",
                            "2 INSURER 3311", "2 INSURER 3343", "2 PROVIDER 01012345", "2 PROVIDER 75750123");
            assertThat(jdbc.sql("select count(*) from " + schema + ".contract_proposal").query(Long.class).single())
                    .isZero();
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private void migrate(String schema, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations(LOCATIONS);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}

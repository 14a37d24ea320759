package nl.bdss.contract;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

// Starts with the deployed defaults, security on (keys are fetched lazily, so no issuer is needed to start).
@SpringBootTest(properties = ContractServiceApplication.CONFIG_NAME)
@UsesInfrastructure(database = "contract")
class ContractServiceStartsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesItsOwnDatabase() {
        assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list())
                .contains("outbox_message", "processed_event", "contract", "contract_version", "contract_overlap",
                        "idempotency_record", "audit_entry");
    }
}

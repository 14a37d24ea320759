package nl.bdss.contract;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = ContractServiceApplication.CONFIG_NAME)
@UsesInfrastructure(database = "contract")
class ContractServiceStartsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesItsOwnDatabase() {
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isZero();
    }
}

package nl.bdss.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = {AllocationServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF})
@UsesInfrastructure(database = "allocation")
class AllocationServiceStartsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesItsOwnDatabase() {
        assertThat(jdbc.sql("select count(*) from insured_count where insured_count < 0").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from contract_terms where version < 1").query(Long.class).single()).isZero();
    }
}

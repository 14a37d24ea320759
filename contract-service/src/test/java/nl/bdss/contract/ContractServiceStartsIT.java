package nl.bdss.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.bdss.contract.register.domain.ContractFixture;
import nl.bdss.contract.register.domain.ContractRules;
import nl.bdss.contract.register.domain.Finding;
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

    @Autowired
    ContractRules rules;

    @Test
    void runsContractsUntilTheLastDayOfTheExperiment_byDefault_R14() {
        assertThat(rules.check(ContractFixture.manualExample().withValidity(LocalDate.of(2024, 5, 1), LocalDate.of(2029, 4, 30)),
                ContractFixture.SECTORS).violations()).isEmpty();
        assertThat(rules.check(ContractFixture.manualExample().withValidity(LocalDate.of(2024, 5, 1), LocalDate.of(2029, 5, 1)),
                ContractFixture.SECTORS).violations()).extracting(Finding::field).containsExactly("validUntil");
        assertThat(rules.check(ContractFixture.manualExample().withValidity(LocalDate.of(2024, 4, 30), LocalDate.of(2029, 4, 30)),
                ContractFixture.SECTORS).violations()).extracting(Finding::field).containsExactly("validFrom");
    }

    @Test
    void migratesItsOwnDatabase() {
        assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list())
                .contains("outbox_message", "processed_event", "contract", "contract_version", "contract_overlap",
                        "idempotency_record", "audit_entry", "contract_proposal", "contract_proposal_party",
                        "contract_proposal_decision", "contract_version_party");
    }
}

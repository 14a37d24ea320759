package nl.bdss.allocation.counts.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.allocation.TestProperties;
import nl.bdss.allocation.counts.application.Deliverer;
import nl.bdss.allocation.counts.application.DeliveryReceipt;
import nl.bdss.allocation.counts.application.DeliveryStore;
import nl.bdss.allocation.counts.application.DeliveryStore.StoredCount;
import nl.bdss.allocation.counts.application.InsuredCountIntake;
import nl.bdss.allocation.counts.application.InvalidDelivery;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every stored delivery is its own partition of insured_count, keyed on (pc4, postcode, uzovi) (R11 at national scale). */
@SpringBootTest(properties = {AllocationServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF})
@UsesInfrastructure(database = "allocation")
class DeliveryPartitionIT {

    @Autowired
    InsuredCountIntake intake;

    @Autowired
    DeliveryStore deliveries;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pc6Delivery_isAttachedAsItsOwnKeyedPartition_andPc4AreasFindTheirPc6Rows_R11() {
        DeliveryReceipt receipt = intake.receiveCsv(csv("""
                uzovi,postcode,referenceDate,insuredCount
                3311,1017AB,2032-01-01,10
                3343,1017AB,2032-01-01,20
                3311,1017ZZ,2032-01-01,30
                3311,1018AA,2032-01-01,40
                3343,1016ZZ,2032-01-01,50
                """), CountSource.INSURERS, new Deliverer("partition test", "client-a"));
        UUID id = receipt.deliveryId();
        String partition = JdbcDeliveryStore.partitionName(id);

        assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'insured_count'::regclass "
                + "and inhrelid = cast(? as regclass)").param(partition).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from pg_attribute where attrelid = cast(? as regclass) "
                        + "and attname = 'line_no' and not attisdropped").param(partition).query(Long.class).single())
                .as("the line numbers serve duplicate reports only").isZero();
        assertThat(jdbc.sql("select indexdef from pg_indexes where tablename = ?").param(partition)
                .query(String.class).list()).singleElement().asString().contains("UNIQUE").contains("(pc4, postcode, uzovi)");
        assertThat(jdbc.sql("select uzovi || ':' || row_count from insured_count_delivery_insurer where delivery_id = ? "
                + "order by uzovi").param(id).query(String.class).list()).containsExactly("3311:3", "3343:2");

        List<StoredCount> in1017 = deliveries.countsIn(id, Set.of("1017"));
        assertThat(in1017).extracting(c -> c.postcode().value() + "/" + c.uzovi().code() + "=" + c.insuredCount())
                .containsExactly("1017AB/3311=10", "1017AB/3343=20", "1017ZZ/3311=30");
        assertThat(deliveries.countsIn(id, Set.of("1016", "1018"))).extracting(c -> c.postcode().value())
                .containsExactly("1016ZZ", "1018AA");
    }

    @Test
    void duplicateRows_storeNoDelivery_andLeaveNoTable_R11() {
        long tablesBefore = partitionTables();

        assertThatThrownBy(() -> intake.receiveCsv(csv("""
                uzovi,postcode,referenceDate,insuredCount
                3311,1017AB,2032-02-01,10
                3311,1017AC,2032-02-01,10
                3311,1017ab,2032-02-01,12
                """), CountSource.INSURERS, new Deliverer("duplicates", "client-a")))
                .isInstanceOfSatisfying(InvalidDelivery.class, refused -> assertThat(refused.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.line()).isEqualTo(4L);
                            assertThat(error.message()).contains("first on line 2");
                        }));

        assertThat(partitionTables()).isEqualTo(tablesBefore);
        assertThat(jdbc.sql("select count(*) from insured_count_delivery where reference_date = date '2032-02-01'")
                .query(Long.class).single()).isZero();
    }

    private long partitionTables() {
        return jdbc.sql("select count(*) from pg_class where relname ~ '^insured_count_[0-9a-f]{32}$'")
                .query(Long.class).single();
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

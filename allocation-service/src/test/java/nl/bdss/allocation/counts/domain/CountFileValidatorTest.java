package nl.bdss.allocation.counts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import org.junit.jupiter.api.Test;

class CountFileValidatorTest {

    private final CountFileValidator validator = new CountFileValidator(100);

    @Test
    void acceptsTheExampleHeaderAndRows_normalisingPc6Postcodes() {
        assertThat(validator.header(CountFileValidator.HEADER)).isTrue();

        assertThat(validator.line(2, "3311,1011 ab,2025-03-01,1200")).get()
                .extracting(InsuredCountRow::postcode).isEqualTo(new Postcode("1011AB"));
        assertThat(validator.valid()).isTrue();
    }

    @Test
    void refusesAWrongHeader() {
        assertThat(validator.header("uzovi;postcode;date;count")).isFalse();
        assertThat(validator.errors()).extracting(LineError::line).containsExactly(1L);
    }

    @Test
    void reportsEveryBadFieldWithItsLineNumber_R6_R11() {
        validator.header(CountFileValidator.HEADER);
        validator.line(2, "331,1011,2025-03-01,10");
        validator.line(3, "3311,0123,2025-03-01,10");
        validator.line(4, "3311,1011,2025-03-01,-5");
        validator.line(5, "3311,1012,2025-03-01,12.5");
        validator.line(6, "3311,1013,01-03-2025,1");

        assertThat(validator.errors()).extracting(LineError::line, LineError::field, LineError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "uzovi", "R11"),
                org.assertj.core.groups.Tuple.tuple(3L, "postcode", "R6"),
                org.assertj.core.groups.Tuple.tuple(4L, "insuredCount", "R11"),
                org.assertj.core.groups.Tuple.tuple(5L, "insuredCount", "R11"),
                org.assertj.core.groups.Tuple.tuple(6L, "referenceDate", "REQUEST"));
        assertThat(validator.errors().get(2).message()).contains("negative");
        assertThat(validator.errors().get(3).message()).contains("whole number");
    }

    @Test
    void refusesPc6PostcodesWithTheLetterPairsNeverIssued_SA_SD_SS_asLineErrors_R6() {
        validator.header(CountFileValidator.HEADER);
        validator.line(2, "3311,1011SA,2025-03-01,10");
        validator.line(3, "3311,1011 sd,2025-03-01,10");
        validator.line(4, "3311,1011ss,2025-03-01,10");
        validator.line(5, "3311,1011SB,2025-03-01,10");

        assertThat(validator.errors()).extracting(LineError::line, LineError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "postcode"),
                org.assertj.core.groups.Tuple.tuple(3L, "postcode"),
                org.assertj.core.groups.Tuple.tuple(4L, "postcode"));
        assertThat(validator.errors().get(1).message()).contains("SA, SD or SS").contains("'1011 sd'");
        assertThat(validator.rows()).isEqualTo(1);
    }

    @Test
    void refusesMixedReferenceDates_R11() {
        validator.header(CountFileValidator.HEADER);
        validator.line(2, "3311,1011,2025-03-01,10");
        validator.line(3, "3343,1011,2025-04-01,10");

        assertThat(validator.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).contains("mixed reference dates").contains("line 2");
        });
    }

    @Test
    void capsTheReportedErrorsButCountsThemAll() {
        CountFileValidator capped = new CountFileValidator(2);
        capped.header(CountFileValidator.HEADER);
        List.of(2, 3, 4, 5).forEach(line -> capped.line(line, "bad,line,x,y"));

        assertThat(capped.errors()).hasSize(2);
        assertThat(capped.errorCount()).isGreaterThan(4);
    }

    @Test
    void refusesAFileWithoutRows() {
        validator.header(CountFileValidator.HEADER);
        validator.finish();

        assertThat(validator.valid()).isFalse();
    }

    @Test
    void linesWithoutExactlyFourFields_areRefusedWithTheirFieldCount_andQuotedFieldsAreAccepted_R11() {
        assertThat(validator.line(2, "\"3311\", \"1011AB\" ,2025-03-01,\"7\"")).get()
                .satisfies(row -> {
                    assertThat(row.uzovi()).isEqualTo(new Uzovi("3311"));
                    assertThat(row.postcode()).isEqualTo(new Postcode("1011AB"));
                    assertThat(row.insuredCount()).isEqualTo(7);
                });
        assertThat(validator.line(3, "3311,1011,2025-03-01")).isEmpty();
        assertThat(validator.line(4, "3311,1011,2025-03-01,7,")).isEmpty();
        assertThat(validator.line(5, ",,,")).isEmpty();

        assertThat(validator.errors()).extracting(LineError::line, LineError::message).startsWith(
                org.assertj.core.groups.Tuple.tuple(3L, "expected 4 fields (" + CountFileValidator.HEADER + "), got 3"),
                org.assertj.core.groups.Tuple.tuple(4L, "expected 4 fields (" + CountFileValidator.HEADER + "), got 5"));
        assertThat(validator.errors()).extracting(LineError::line).contains(5L);
    }
}

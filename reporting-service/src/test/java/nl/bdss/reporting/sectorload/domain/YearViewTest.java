package nl.bdss.reporting.sectorload.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YearViewTest {

    @Test
    void theViewsAreNamedServiceAndBooking_inAnyCase_andNothingElse() {
        assertThat(YearView.named("service")).contains(YearView.SERVICE);
        assertThat(YearView.named("Booking")).contains(YearView.BOOKING);
        assertThat(YearView.named("fiscal")).isEmpty();
        assertThat(YearView.named("")).isEmpty();
        assertThat(YearView.BOOKING.parameter()).isEqualTo("booking");
    }
}

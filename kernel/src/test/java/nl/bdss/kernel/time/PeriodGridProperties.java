package nl.bdss.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import nl.bdss.kernel.time.ProRata.Share;

class PeriodGridProperties {

    @Property
    void theGridCoversTheRangeDayByDayWithoutCrossingAYear(@ForAll("ranges") Period range, @ForAll PeriodKind kind) {
        List<CalendarPeriod> grid = kind.grid(range);

        assertThat(grid.get(0).covered().start()).isEqualTo(range.start());
        assertThat(grid.get(grid.size() - 1).covered().end()).isEqualTo(range.end());
        for (int i = 0; i < grid.size(); i++) {
            Period calendar = grid.get(i).calendar();
            assertThat(calendar.end().getYear()).isEqualTo(calendar.start().getYear());
            assertThat(calendar.start()).isEqualTo(kind.startOf(calendar.start()));
            if (i > 0) {
                assertThat(grid.get(i).covered().start()).isEqualTo(grid.get(i - 1).covered().end().plusDays(1));
            }
        }
        assertThat(grid.stream().mapToLong(CalendarPeriod::coveredDays).sum()).isEqualTo(range.days());
    }

    @Property
    void aProRataPartIsWithinHalfACentOfTheExactFraction(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long amount,
            @ForAll @IntRange(min = 1, max = 366) int whole, @ForAll @IntRange(min = 0, max = 366) int part) {
        int covered = Math.min(part, whole);
        long rounded = ProRata.of(amount, covered, whole);
        // |rounded x whole - amount x covered| <= whole / 2
        BigInteger error = BigInteger.valueOf(rounded).multiply(BigInteger.valueOf(whole))
                .subtract(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(covered))).abs().shiftLeft(1);

        assertThat(error).isLessThanOrEqualTo(BigInteger.valueOf(whole));
    }

    @Property
    void theWholePeriodEarnsTheWholeLumpSumAndNoDayEarnsNothing(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long amount,
            @ForAll @IntRange(min = 1, max = 366) int days) {
        assertThat(ProRata.of(amount, days, days)).isEqualTo(amount);
        assertThat(ProRata.of(amount, 0, days)).isZero();
    }

    @Property
    void thePartsOfASharedPeriodAddUpToItsRoundedTotal(@ForAll("shares") List<Share> shares) {
        long daysInPeriod = shares.stream().mapToLong(Share::days).sum() + 3;
        long[] parts = ProRata.parts(shares, daysInPeriod);

        assertThat(java.util.Arrays.stream(parts).sum()).isEqualTo(ProRata.total(shares, daysInPeriod));
        for (int i = 0; i < parts.length; i++) {
            if (shares.get(i).days() == 0) {
                assertThat(parts[i]).isZero();
            }
        }
    }

    @Property
    void oneTermsCoveringAWholePeriodGiveExactlyTheirLumpSum(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long lumpSum,
            @ForAll @IntRange(min = 1, max = 366) int days) {
        assertThat(ProRata.total(List.of(new Share(lumpSum, days)), days)).isEqualTo(lumpSum);
    }

    @Provide
    Arbitrary<Period> ranges() {
        return Arbitraries.integers().between(0, 1_825).flatMap(offset -> Arbitraries.integers().between(0, 800)
                .map(length -> {
                    LocalDate start = LocalDate.of(2024, 5, 1).plusDays(offset);
                    return Period.of(start, start.plusDays(length));
                }));
    }

    @Provide
    Arbitrary<List<Share>> shares() {
        Arbitrary<Share> share = Arbitraries.longs().between(0, 50_000_000L).flatMap(lumpSum ->
                Arbitraries.longs().between(0, 40).map(days -> new Share(lumpSum, days)));
        return share.list().ofMinSize(1).ofMaxSize(5).map(ArrayList::new);
    }
}

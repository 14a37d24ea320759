package nl.bdss.settlement.ledger.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An insurer's claims burden for the lump sums (schadelast, R17) as its books hold it: the costs per Zvw sector, per
 * service year (the year a period belongs to: the NZa monitor's view) and booking year (the year it was booked in:
 * the insurer's annual accounts), per contract, payable and credited, to the cent. The rows are those whose service
 * year or booking year is {@code year}; the totals per sector are by service year {@code year} and by booking year
 * {@code year}. A correction for a closed year appears in both: under its service year and under its booking year.
 */
public record ClaimsBurden(String insurer, int year, List<Row> rows, List<SectorTotal> byServiceYear,
        List<SectorTotal> byBookingYear) {

    /** The costs of one contract in one sector, service year and booking year. */
    public record Row(int serviceYear, int bookingYear, String sector, String contractId, long payableCents,
            long creditedCents) {

        public Row {
            if (payableCents < 0 || creditedCents > 0) {
                throw new IllegalArgumentException("payable " + payableCents + " must be 0 or more and credited "
                        + creditedCents + " 0 or less");
            }
        }

        public long netCents() {
            return payableCents + creditedCents;
        }
    }

    /** A sector's costs in one view of the year. */
    public record SectorTotal(String sector, long payableCents, long creditedCents) {

        public long netCents() {
            return payableCents + creditedCents;
        }
    }

    private static final Comparator<Row> ORDER = Comparator.comparingInt(Row::serviceYear)
            .thenComparingInt(Row::bookingYear).thenComparing(Row::sector).thenComparing(Row::contractId);

    public ClaimsBurden {
        rows = List.copyOf(rows);
        byServiceYear = List.copyOf(byServiceYear);
        byBookingYear = List.copyOf(byBookingYear);
    }

    /** The burden of {@code year} from the cost rows of the insurer's books (rows of other years are left out). */
    public static ClaimsBurden of(String insurer, int year, List<Row> costs) {
        List<Row> rows = new ArrayList<>(costs.stream()
                .filter(row -> row.serviceYear() == year || row.bookingYear() == year).toList());
        rows.sort(ORDER);
        return new ClaimsBurden(insurer, year, rows, perSector(rows, row -> row.serviceYear() == year),
                perSector(rows, row -> row.bookingYear() == year));
    }

    private static List<SectorTotal> perSector(List<Row> rows, Predicate<Row> inView) {
        Map<String, long[]> sums = new TreeMap<>();
        rows.stream().filter(inView).forEach(row -> {
            long[] sum = sums.computeIfAbsent(row.sector(), s -> new long[2]);
            sum[0] += row.payableCents();
            sum[1] += row.creditedCents();
        });
        return sums.entrySet().stream().map(e -> new SectorTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}

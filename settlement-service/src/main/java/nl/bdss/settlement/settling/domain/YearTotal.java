package nl.bdss.settlement.settling.domain;

/**
 * A service year's figures for one insurer and Zvw sector (R17): the sum of its positive entries, of its negative
 * ones (zero or less) and how many entries there are.
 */
public record YearTotal(String uzovi, String sector, long payableCents, long creditedCents, int entryCount) {

    public YearTotal {
        if (payableCents < 0 || creditedCents > 0 || entryCount < 1) {
            throw new IllegalArgumentException("payable " + payableCents + " must be 0 or more, credited "
                    + creditedCents + " 0 or less, entries " + entryCount + " at least one");
        }
    }

    public long netCents() {
        return payableCents + creditedCents;
    }
}

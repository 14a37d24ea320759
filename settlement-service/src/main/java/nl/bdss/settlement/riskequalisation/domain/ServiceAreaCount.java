package nl.bdss.settlement.riskequalisation.domain;

import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;

/**
 * The number of an insurer's insureds living in one postcode of a contract's service area on a reference date:
 * the counts behind the market shares (R11), reused as the distribution key for risk equalisation (R19). The
 * postcode is kept in the kernel's normal form ({@code 1011} or {@code 1011AB}).
 *
 * @param contractYear the contract year whose reference date the count is from ({@code AllocationCalculated.yearShares});
 *                     null for an allocation without per-year shares, whose counts hold for every year it covers
 */
public record ServiceAreaCount(String uzovi, String postcode, long insuredCount, Integer contractYear) {

    public ServiceAreaCount {
        if (!Uzovi.isValid(uzovi)) {
            throw new IllegalArgumentException("serviceAreaCounts.uzovi must be 4 digits, was " + uzovi + " (R19)");
        }
        Postcode parsed = Postcode.parseOrNull(postcode);
        if (parsed == null) {
            throw new IllegalArgumentException("serviceAreaCounts.postcode must be PC4 or PC6, was " + postcode + " (R6, R19)");
        }
        postcode = parsed.value();
        if (insuredCount < 0) {
            throw new IllegalArgumentException("serviceAreaCounts.insuredCount must not be negative, was " + insuredCount + " (R19)");
        }
    }

    /** A count that holds for every year of its allocation (an event without per-year shares). */
    public ServiceAreaCount(String uzovi, String postcode, long insuredCount) {
        this(uzovi, postcode, insuredCount, null);
    }
}

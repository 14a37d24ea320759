package nl.bdss.settlement.riskequalisation.domain;

import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;

/**
 * The number of an insurer's insureds living in one postcode of a contract's service area on the reference date:
 * the counts behind the market shares (R11), reused as the distribution key for risk equalisation (R19). The
 * postcode is kept in the kernel's normal form ({@code 1011} or {@code 1011AB}).
 */
public record ServiceAreaCount(String uzovi, String postcode, long insuredCount) {

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
}

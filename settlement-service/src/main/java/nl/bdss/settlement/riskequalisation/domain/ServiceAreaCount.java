package nl.bdss.settlement.riskequalisation.domain;

import java.util.regex.Pattern;

/**
 * The number of an insurer's insureds living in one postcode of a contract's service area on the reference date:
 * the counts behind the market shares (R11), reused as the distribution key for risk equalisation (R19).
 */
public record ServiceAreaCount(String uzovi, String postcode, long insuredCount) {

    private static final Pattern UZOVI = Pattern.compile("\\d{4}");
    /** Dutch PC4 ({@code 1234}) or PC6 ({@code 1234 AB}, {@code 1234AB}). */
    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}( ?[A-Z]{2})?");

    public ServiceAreaCount {
        if (uzovi == null || !UZOVI.matcher(uzovi).matches()) {
            throw new IllegalArgumentException("serviceAreaCounts.uzovi must be 4 digits, was " + uzovi + " (R19)");
        }
        if (postcode == null || !POSTCODE.matcher(postcode).matches()) {
            throw new IllegalArgumentException("serviceAreaCounts.postcode must be PC4 or PC6, was " + postcode + " (R6, R19)");
        }
        if (insuredCount < 0) {
            throw new IllegalArgumentException("serviceAreaCounts.insuredCount must not be negative, was " + insuredCount + " (R19)");
        }
    }
}

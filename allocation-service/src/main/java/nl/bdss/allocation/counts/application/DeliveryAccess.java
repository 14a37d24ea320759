package nl.bdss.allocation.counts.application;

import nl.bdss.kernel.identity.Uzovi;

/**
 * Which deliveries a caller sees: all of them (both null), those holding rows of one insurer, showing only the
 * count of its own rows ({@code uzovi}), or those one client delivered ({@code clientId}).
 */
public record DeliveryAccess(String uzovi, String clientId) {

    public static DeliveryAccess everything() {
        return new DeliveryAccess(null, null);
    }

    public static DeliveryAccess insurer(String uzovi) {
        return new DeliveryAccess(Uzovi.of(uzovi).code(), null);
    }

    public static DeliveryAccess deliveredBy(String clientId) {
        return new DeliveryAccess(null, clientId);
    }
}

package nl.bdss.settlement.riskequalisation.domain;

import java.util.Collection;
import java.util.Objects;

/**
 * Whether the insurers of one contract attribute its costs of a year by one key: the manual asks the insurers to
 * propose a uniform key together (R19).
 */
public enum KeyAgreement {
    /** Every insurer recorded a key for the year, all the same. */
    AGREE,
    /** Every insurer recorded a key for the year, not all the same. */
    DIFFER,
    /** At least one insurer has recorded no key for the year yet. */
    INCOMPLETE;

    /** @param keys each party's recorded key for the year, null where it has recorded none */
    public static KeyAgreement of(Collection<DistributionKey> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(Objects::isNull)) {
            return INCOMPLETE;
        }
        return keys.stream().distinct().count() == 1 ? AGREE : DIFFER;
    }
}

package nl.bdss.contract.register.domain;

import java.util.Objects;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;

/**
 * A signatory of the written agreement (R1): an insurer by its UZOVI code or a Zvw provider by its AGB code. Who the
 * caller is comes from its token only; this is the code the token names.
 */
public record PartyId(PartyRole role, String code) {

    public PartyId {
        Objects.requireNonNull(role, "role");
        if (role == PartyRole.INSURER ? !Uzovi.isValid(code) : !AgbCode.isValid(code)) {
            throw new IllegalArgumentException("not a code of a " + role + ": '" + code + "'");
        }
    }

    public static PartyId insurer(String uzovi) {
        return new PartyId(PartyRole.INSURER, uzovi);
    }

    public static PartyId provider(String agb) {
        return new PartyId(PartyRole.PROVIDER, agb);
    }

    @Override
    public String toString() {
        return (role == PartyRole.INSURER ? "insurer " : "provider ") + code;
    }
}

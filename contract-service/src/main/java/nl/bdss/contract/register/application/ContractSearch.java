package nl.bdss.contract.register.application;

import java.time.LocalDate;
import java.util.Optional;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.contract.register.domain.PartyId;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;

/**
 * The filters of a contract search; each is optional (null) and they combine. A PC4 postcode matches every PC6
 * inside it, a PC6 itself and its PC4.
 *
 * @param activeOn  contracts valid on that day
 * @param onlyParty tenant isolation: when present, only contracts whose current version (or proposed registration)
 *                  this insurer or provider signs (the totals and page counts count only those); empty for callers
 *                  that see every contract
 */
public record ContractSearch(Uzovi insurer, AgbCode provider, Postcode postcode, ContractStatus status, LocalDate activeOn,
        Optional<PartyId> onlyParty) {

    /** The same filters, confined to the contracts of one party when {@code party} is present. */
    public ContractSearch onlyFor(Optional<PartyId> party) {
        return new ContractSearch(insurer, provider, postcode, status, activeOn, party);
    }
}

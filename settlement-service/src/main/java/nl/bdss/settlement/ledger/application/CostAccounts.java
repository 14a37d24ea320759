package nl.bdss.settlement.ledger.application;

import java.util.List;
import nl.bdss.settlement.ledger.domain.ClaimsBurden;

/** The insurer's cost accounts in the ledger ({@code SECTOR_COST/<uzovi>/<sector>/<serviceYear>}). */
public interface CostAccounts {

    /**
     * The insurer's cost postings summed per service year, booking year, sector and contract, for every row whose
     * service year or booking year is {@code year}: debits are payable, credits are credited.
     */
    List<ClaimsBurden.Row> costsOf(String uzovi, int year);
}

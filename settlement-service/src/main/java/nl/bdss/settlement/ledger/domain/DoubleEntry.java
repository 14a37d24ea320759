package nl.bdss.settlement.ledger.domain;

import java.util.List;

/**
 * The chart of accounts and how each booking posts to it, always balanced (total debits = total credits).
 * <ul>
 *   <li>{@code SECTOR_COST/<uzovi>/<sector>/<serviceYear>}: the insurer's cost loading a Zvw sector's macro budget
 *       in the year the period belongs to (R17, R18); the posting carries the year it is booked in.</li>
 *   <li>{@code PAYABLE/<uzovi>/<agb>}: what the insurer owes the payee (the payee's receivable).</li>
 *   <li>{@code BANK/<uzovi>}: the insurer's payments out.</li>
 * </ul>
 * A settlement entry debits sector cost and credits the payable; a negative correction posts the reverse. A
 * payment acknowledgement debits the payable and credits the bank. There is no account per insured and no
 * deductible account: lump sums never reach an insured's claim or eigen risico (R8, R16).
 */
public final class DoubleEntry {

    private DoubleEntry() {
    }

    /** The prefix of every cost account. */
    public static final String SECTOR_COST = "SECTOR_COST/";

    public static String sectorCost(String uzovi, String sector, int serviceYear) {
        return SECTOR_COST + uzovi + "/" + sector + "/" + serviceYear;
    }

    public static String payable(String uzovi, String payeeAgb) {
        return "PAYABLE/" + uzovi + "/" + payeeAgb;
    }

    public static String bank(String uzovi) {
        return "BANK/" + uzovi;
    }

    /**
     * Postings of a lump sum or correction of {@code amountCents} (negative: a credit to the insurer) for a period of
     * {@code serviceYear}.
     */
    public static List<Posting> settlement(String uzovi, String payeeAgb, String sector, int serviceYear,
            long amountCents) {
        return transfer(sectorCost(uzovi, sector, serviceYear), payable(uzovi, payeeAgb), amountCents);
    }

    /** Postings of the insurer paying (or, for a negative amount, receiving back) an instruction's amount. */
    public static List<Posting> payment(String uzovi, String payeeAgb, long amountCents) {
        return transfer(payable(uzovi, payeeAgb), bank(uzovi), amountCents);
    }

    private static List<Posting> transfer(String debitAccount, String creditAccount, long amountCents) {
        if (amountCents == 0) {
            return List.of();
        }
        long amount = Math.abs(amountCents);
        return amountCents > 0
                ? List.of(new Posting(debitAccount, amount, 0), new Posting(creditAccount, 0, amount))
                : List.of(new Posting(creditAccount, amount, 0), new Posting(debitAccount, 0, amount));
    }
}

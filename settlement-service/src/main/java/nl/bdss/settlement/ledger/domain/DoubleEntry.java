package nl.bdss.settlement.ledger.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart of accounts and how each booking posts to it, always balanced (total debits = total credits).
 * <ul>
 *   <li>{@code SECTOR_COST/<uzovi>/<sector>/<serviceYear>}: the insurer's cost loading a Zvw sector's macro budget
 *       in the year the period belongs to (R17, R18); the posting carries the year it is booked in.</li>
 *   <li>{@code PAYABLE/<uzovi>/<agb>}: what the insurer owes the payee (the payee's receivable).</li>
 *   <li>{@code VAT_PAYABLE/<uzovi>/<agb>}: the VAT part of what the insurer owes the payee, for a payee whose
 *       amounts include VAT (R10). The agreed amount is what is paid: its VAT part is owed on this account, the rest
 *       on the payable.</li>
 *   <li>{@code BANK/<uzovi>}: the insurer's payments out.</li>
 * </ul>
 * A settlement entry debits sector cost with the whole amount (VAT included: the insurer cannot reclaim it) and
 * credits the payable and the VAT payable with their parts; a negative correction posts the reverse. A payment
 * acknowledgement debits the payable and the VAT payable and credits the bank. There is no account per insured and no
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

    public static String vatPayable(String uzovi, String payeeAgb) {
        return "VAT_PAYABLE/" + uzovi + "/" + payeeAgb;
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

    /**
     * Postings of a lump sum or correction of {@code amountCents} of which {@code vatCents} is VAT (R10): the cost in
     * full, the payable and the VAT payable each with its part.
     */
    public static List<Posting> settlement(String uzovi, String payeeAgb, String sector, int serviceYear,
            long amountCents, long vatCents) {
        String cost = sectorCost(uzovi, sector, serviceYear);
        return merged(transfer(cost, payable(uzovi, payeeAgb), Math.subtractExact(amountCents, vatCents)),
                transfer(cost, vatPayable(uzovi, payeeAgb), vatCents));
    }

    /** Postings of the insurer paying (or, for a negative amount, receiving back) an instruction's amount. */
    public static List<Posting> payment(String uzovi, String payeeAgb, long amountCents) {
        return transfer(payable(uzovi, payeeAgb), bank(uzovi), amountCents);
    }

    /** Postings of the insurer paying an instruction's amount of which {@code vatCents} is VAT (R10). */
    public static List<Posting> payment(String uzovi, String payeeAgb, long amountCents, long vatCents) {
        return merged(transfer(payable(uzovi, payeeAgb), bank(uzovi), Math.subtractExact(amountCents, vatCents)),
                transfer(vatPayable(uzovi, payeeAgb), bank(uzovi), vatCents));
    }

    /** The postings of both parts, one per account: its debits less its credits, in the order first met. */
    private static List<Posting> merged(List<Posting> first, List<Posting> second) {
        Map<String, Long> net = new LinkedHashMap<>();
        Stream.concat(first.stream(), second.stream()).forEach(posting -> net.merge(posting.account(),
                Math.subtractExact(posting.debitCents(), posting.creditCents()), Math::addExact));
        List<Posting> postings = new ArrayList<>();
        net.forEach((account, cents) -> {
            if (cents != 0) {
                postings.add(cents > 0 ? new Posting(account, cents, 0) : new Posting(account, 0, -cents));
            }
        });
        return List.copyOf(postings);
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

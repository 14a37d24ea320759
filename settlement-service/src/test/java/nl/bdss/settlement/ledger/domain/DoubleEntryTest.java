package nl.bdss.settlement.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleEntryTest {

    @Test
    void aLumpSumDebitsTheSectorCostOfItsServiceYearAndCreditsThePayableToThePayee_R17() {
        List<Posting> postings = DoubleEntry.settlement("3311", "01012345", "WIJKVERPLEGING", 2025, 2_100_000L);

        assertThat(postings).containsExactly(new Posting("SECTOR_COST/3311/WIJKVERPLEGING/2025", 2_100_000L, 0),
                new Posting("PAYABLE/3311/01012345", 0, 2_100_000L));
    }

    @Test
    void aNegativeCorrectionPostsTheReverseAndStillBalances() {
        List<Posting> postings = DoubleEntry.settlement("3343", "01012345", "HUISARTSENZORG", 2026, -700_000L);

        assertThat(postings).containsExactly(new Posting("PAYABLE/3343/01012345", 700_000L, 0),
                new Posting("SECTOR_COST/3343/HUISARTSENZORG/2026", 0, 700_000L));
        assertBalanced(postings);
    }

    @Test
    void aPaymentSettlesThePayableFromTheBank() {
        List<Posting> postings = DoubleEntry.payment("3311", "01012345", 2_100_000L);

        assertThat(postings).extracting(Posting::account).containsExactly("PAYABLE/3311/01012345", "BANK/3311");
        assertBalanced(postings);
    }

    @Test
    void aLumpSumIncludingVat_costsTheWholeAmount_andOwesItsVatPartOnTheVatPayable_R10() {
        // 175,000 including 21% VAT: 30,372 of it VAT
        List<Posting> postings = DoubleEntry.settlement("3311", "01012345", "HUISARTSENZORG", 2025, 175_000L, 30_372L);

        assertThat(postings).containsExactly(new Posting("SECTOR_COST/3311/HUISARTSENZORG/2025", 175_000L, 0),
                new Posting("PAYABLE/3311/01012345", 0, 144_628L), new Posting("VAT_PAYABLE/3311/01012345", 0, 30_372L));
        assertBalanced(postings);
    }

    @Test
    void aCreditIncludingVat_postsTheReverse_andItsPaymentClearsBothPayables_R10() {
        assertThat(DoubleEntry.settlement("3311", "01012345", "HUISARTSENZORG", 2025, -35_000L, -6_074L)).containsExactlyInAnyOrder(
                new Posting("SECTOR_COST/3311/HUISARTSENZORG/2025", 0, 35_000L),
                new Posting("PAYABLE/3311/01012345", 28_926L, 0), new Posting("VAT_PAYABLE/3311/01012345", 6_074L, 0));

        List<Posting> payment = DoubleEntry.payment("3311", "01012345", 175_000L, 30_372L);
        assertThat(payment).containsExactlyInAnyOrder(new Posting("PAYABLE/3311/01012345", 144_628L, 0),
                new Posting("BANK/3311", 0, 175_000L), new Posting("VAT_PAYABLE/3311/01012345", 30_372L, 0));
        assertBalanced(payment);
    }

    @Test
    void thereIsNoAccountForAnInsuredOrADeductible_R16() {
        assertThat(DoubleEntry.settlement("3311", "01012345", "WIJKVERPLEGING", 2025, 1L))
                .extracting(Posting::account)
                .noneMatch(account -> account.contains("INSURED") || account.contains("DEDUCTIBLE"));
    }

    private static void assertBalanced(List<Posting> postings) {
        assertThat(postings.stream().mapToLong(Posting::debitCents).sum())
                .isEqualTo(postings.stream().mapToLong(Posting::creditCents).sum());
    }
}

package nl.bdss.settlement.paymentruns.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NettingTest {

    private static final BankAccount ALPHA = new BankAccount("NL91ABNA0417164300", null, "Huisartsen Alpha");
    private static final BankAccount BETA = new BankAccount("NL20INGB0001234567", "INGBNL2A", "Wijkzorg Beta");
    private static final LocalDate Y2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate Y2026 = LocalDate.of(2026, 1, 1);

    private static OpenInstruction entry(String payee, String contract, LocalDate start, String sector, String kind,
            long cents) {
        return new OpenInstruction(UUID.randomUUID(), payee, contract, start, start.withDayOfYear(start.lengthOfYear()),
                sector, kind, cents, start);
    }

    @Test
    void creditsAreNettedAgainstPayablesPerPayee_oneTransferEach_ofExactlyTheNet() {
        OpenInstruction a1 = entry("01000001", "c-1", Y2025, "HUISARTSENZORG", "LUMP_SUM", 2_100_000);
        OpenInstruction a2 = entry("01000001", "c-1", Y2026, "HUISARTSENZORG", "LUMP_SUM", 2_100_000);
        OpenInstruction a3 = entry("01000001", "c-1", Y2026, "HUISARTSENZORG", "CORRECTION", -300_001);
        OpenInstruction b1 = entry("02000002", "c-2", Y2025, "WIJKVERPLEGING", "LUMP_SUM", 5);

        Netting.Result result = Netting.of(17, List.of(b1, a3, a1, a2), Map.of("01000001", ALPHA, "02000002", BETA));

        assertThat(result.transfers()).hasSize(2);
        Netting.Transfer alpha = result.transfers().get(0);
        // 2,100,000 + 2,100,000 - 300,001 = 3,899,999
        assertThat(alpha.amountCents()).isEqualTo(3_899_999);
        assertThat(alpha.payeeAgb()).isEqualTo("01000001");
        assertThat(alpha.endToEndId()).isEqualTo("BDSS-17-1");
        assertThat(alpha.creditor()).isEqualTo(ALPHA);
        assertThat(alpha.instructions()).containsExactlyInAnyOrder(a1, a2, a3);
        // per contract and period: 2025 2,100,000; 2026 2,100,000 - 300,001 = 1,799,999
        assertThat(alpha.remittance()).containsExactly(
                new Netting.RemittanceLine("c-1", Y2025, LocalDate.of(2025, 12, 31), 2_100_000),
                new Netting.RemittanceLine("c-1", Y2026, LocalDate.of(2026, 12, 31), 1_799_999));
        Netting.Transfer beta = result.transfers().get(1);
        assertThat(beta.amountCents()).isEqualTo(5);
        assertThat(beta.endToEndId()).isEqualTo("BDSS-17-2");
        assertThat(beta.instructions()).containsExactly(b1);
        // 3,899,999 + 5
        assertThat(result.totalCents()).isEqualTo(3_900_004);
        assertThat(result.receivables()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aZeroOrNegativeNet_isAReceivable_notPaid() {
        OpenInstruction zeroPlus = entry("01000001", "c-1", Y2025, "HUISARTSENZORG", "LUMP_SUM", 100_000);
        OpenInstruction zeroMinus = entry("01000001", "c-1", Y2026, "HUISARTSENZORG", "CORRECTION", -100_000);
        OpenInstruction owedPlus = entry("02000002", "c-2", Y2025, "WIJKVERPLEGING", "LUMP_SUM", 40_000);
        OpenInstruction owedMinus = entry("02000002", "c-2", Y2026, "WIJKVERPLEGING", "CORRECTION", -40_001);

        Netting.Result result = Netting.of(3, List.of(zeroPlus, zeroMinus, owedPlus, owedMinus),
                Map.of("01000001", ALPHA, "02000002", BETA));

        assertThat(result.transfers()).isEmpty();
        assertThat(result.totalCents()).isZero();
        // 100,000 - 100,000 = 0; 40,000 - 40,001 = -1
        assertThat(result.receivables()).containsExactly(
                new Netting.Receivable("01000001", 0, List.of(zeroPlus, zeroMinus)),
                new Netting.Receivable("02000002", -1, List.of(owedPlus, owedMinus)));
    }

    @Test
    void aPayeeWithoutAnAccount_isAProblem_theOthersArePaid_andSequencesStayDense() {
        OpenInstruction none = entry("01000001", "c-1", Y2025, "HUISARTSENZORG", "LUMP_SUM", 700);
        OpenInstruction paid = entry("02000002", "c-2", Y2025, "WIJKVERPLEGING", "LUMP_SUM", 300);
        OpenInstruction owed = entry("03000003", "c-3", Y2025, "WIJKVERPLEGING", "CORRECTION", -50);

        Netting.Result result = Netting.of(9, List.of(none, paid, owed), Map.of("02000002", BETA));

        assertThat(result.problems()).containsExactly(
                new Netting.Problem("01000001", Netting.NO_PAYEE_ACCOUNT, 700, List.of(none)));
        assertThat(result.transfers()).singleElement().satisfies(t -> {
            assertThat(t.endToEndId()).isEqualTo("BDSS-9-1");
            assertThat(t.amountCents()).isEqualTo(300);
        });
        // a net credit stays a receivable, with or without an account
        assertThat(result.receivables()).containsExactly(new Netting.Receivable("03000003", -50, List.of(owed)));
    }

    @Test
    void theEndToEndIdFitsSepa() {
        // "BDSS-" (5) + 19 digits + "-" + 10 digits = 35
        assertThat(Netting.endToEndId(Long.MAX_VALUE, Integer.MAX_VALUE)).hasSize(35);
        assertThat(Netting.endToEndId(1, 1)).isEqualTo("BDSS-1-1");
    }

    @Test
    void anInstructionOfZeroIsRefused() {
        assertThatThrownBy(() -> entry("01000001", "c-1", Y2025, "HUISARTSENZORG", "LUMP_SUM", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package nl.bdss.settlement.sepa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.kernel.money.Money;
import nl.bdss.settlement.sepa.OfficialXsd;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Account;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Reference;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Transfer;
import org.junit.jupiter.api.Test;

class Pain001Test {

    static final Account INSURER = new Account("Zorgverzekeraar A", "NL91ABNA0417164300", "ABNANL2A");
    static final Account GP = new Account("Huisartsenpraktijk West", "NL20INGB0001234567", null);
    static final Account NURSING = new Account("Wijkzorg Noord", "NL44RABO0123456789", "RABONL2U");

    /**
     * The manual's example for insurer 3311, 2025 and 2026 in advance: 2 sectors x 2 years x 2,100,000 = 8,400,000
     * cents to the main contractor, EUR 84,000.00; one more transfer of 1 cent shows the decimals: CtrlSum 84,000.01.
     */
    @Test
    void theManualsExample_isOneTransferOf84000Euros_withCountAndControlSumRight() {
        CreditTransferInitiation file = new CreditTransferInitiation("RUN-7-3311", Instant.parse("2026-01-05T08:00:00Z"),
                "Zorgverzekeraar A", "RUN-7-3311-1", LocalDate.of(2026, 1, 7), INSURER, List.of(
                        new Transfer("RUN-7-1", Money.ofCents(8_400_000), GP, List.of(
                                new Reference("IZA-WEST-2025-001", LocalDate.of(2025, 1, 1)),
                                new Reference("IZA-WEST-2025-001", LocalDate.of(2026, 1, 1)))),
                        new Transfer("RUN-7-2", Money.ofCents(1), NURSING, List.of())));

        String xml = Pain001.write(file);

        assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
        assertThat(OfficialXsd.PAIN_001_001_09.violations(xml)).isEmpty();
        MxPain00100109 read = MxPain00100109.parse(xml);
        assertThat(read.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs()).isEqualTo("2");
        assertThat(read.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualTo(new BigDecimal("84000.01"));
        PaymentInstruction30 payment = read.getCstmrCdtTrfInitn().getPmtInf().get(0);
        assertThat(read.getCstmrCdtTrfInitn().getPmtInf()).hasSize(1);
        assertThat(payment.getNbOfTxs()).isEqualTo("2");
        assertThat(payment.getCtrlSum()).isEqualTo(new BigDecimal("84000.01"));
        assertThat(payment.getReqdExctnDt().getDt()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(payment.getDbtrAcct().getId().getIBAN()).isEqualTo("NL91ABNA0417164300");
        CreditTransferTransaction34 first = payment.getCdtTrfTxInf().get(0);
        assertThat(first.getPmtId().getEndToEndId()).isEqualTo("RUN-7-1");
        assertThat(first.getAmt().getInstdAmt().getValue()).isEqualTo(new BigDecimal("84000.00"));
        assertThat(first.getAmt().getInstdAmt().getCcy()).isEqualTo("EUR");
        assertThat(first.getCdtrAcct().getId().getIBAN()).isEqualTo("NL20INGB0001234567");
        assertThat(first.getCdtrAgt().getFinInstnId().getOthr().getId()).isEqualTo("NOTPROVIDED");
        assertThat(first.getRmtInf().getStrd().get(0).getRfrdDocInf()).extracting(d -> d.getNb() + " " + d.getRltdDt())
                .containsExactly("IZA-WEST-2025-001 2025-01-01", "IZA-WEST-2025-001 2026-01-01");
        assertThat(payment.getCdtTrfTxInf().get(1).getAmt().getInstdAmt().getValue()).isEqualTo(new BigDecimal("0.01"));
        assertThat(xml).contains("<InstdAmt Ccy=\"EUR\">84000.00</InstdAmt>", "<CtrlSum>84000.01</CtrlSum>");
    }

    /** The schema check can fail: a currency of four letters and a transfer without an amount are both named. */
    @Test
    void theOfficialXsd_namesWhatABrokenFileGetsWrong() {
        String xml = Pain001.write(new CreditTransferInitiation("RUN-8-3311", Instant.parse("2026-01-05T08:00:00Z"),
                "Zorgverzekeraar A", "RUN-8-3311-1", LocalDate.of(2026, 1, 7), INSURER,
                List.of(new Transfer("RUN-8-1", Money.ofCents(150), GP, List.of()))));
        assertThat(OfficialXsd.PAIN_001_001_09.violations(xml)).isEmpty();

        String badCurrency = xml.replace("Ccy=\"EUR\"", "Ccy=\"EURO\"");
        assertThat(OfficialXsd.PAIN_001_001_09.violations(badCurrency)).isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains("EURO"));
        String noAmount = xml.replaceAll("(?s)<Amt>.*?</Amt>", "");
        assertThat(OfficialXsd.PAIN_001_001_09.violations(noAmount)).isNotEmpty();
    }

    @Test
    void aFileWithoutTransfers_orTwiceTheSameEndToEndId_orANonPositiveAmount_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CreditTransferInitiation("M", Instant.EPOCH, "A", "P",
                LocalDate.of(2026, 1, 7), INSURER, List.of()));
        Transfer once = new Transfer("E-1", Money.ofCents(5), GP, List.of());
        assertThatIllegalArgumentException().isThrownBy(() -> new CreditTransferInitiation("M", Instant.EPOCH, "A", "P",
                LocalDate.of(2026, 1, 7), INSURER, List.of(once, once))).withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> new Transfer("E-2", Money.ZERO, GP, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Transfer("E".repeat(36), Money.ofCents(1), GP, List.of()))
                .withMessageContaining("at most 35");
    }
}

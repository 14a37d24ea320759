package nl.bdss.settlement.sepa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import nl.bdss.settlement.sepa.OfficialXsd;
import nl.bdss.settlement.sepa.domain.PaymentStatusReport;
import nl.bdss.settlement.sepa.domain.PaymentStatusReport.Outcome;
import org.junit.jupiter.api.Test;

class Pain002Test {

    /** A bank's report on run 7 of insurer 3311: the transfer to the GP settled, the one to the nursing rejected. */
    static final String PARTLY_REJECTED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
              <CstmrPmtStsRpt>
                <GrpHdr><MsgId>BANK-20260107-1</MsgId><CreDtTm>2026-01-07T10:00:00+01:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts>
                  <OrgnlMsgId>RUN-7-3311</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts>
                </OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts>
                  <OrgnlPmtInfId>RUN-7-3311-1</OrgnlPmtInfId>
                  <TxInfAndSts>
                    <OrgnlEndToEndId>RUN-7-1</OrgnlEndToEndId><TxSts>ACSC</TxSts><AcctSvcrRef>ABN-778812</AcctSvcrRef>
                  </TxInfAndSts>
                  <TxInfAndSts>
                    <OrgnlEndToEndId>RUN-7-2</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                    <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Rekening opgeheven</AddtlInf></StsRsnInf>
                  </TxInfAndSts>
                </OrgnlPmtInfAndSts>
              </CstmrPmtStsRpt>
            </Document>
            """;

    @Test
    void aPartlyRejectedReport_namesEachTransactionsOutcomeReasonAndBankReference() {
        assertThat(OfficialXsd.PAIN_002_001_10.violations(PARTLY_REJECTED)).as("a report a bank could send").isEmpty();
        PaymentStatusReport report = Pain002.read(PARTLY_REJECTED);

        assertThat(report.messageId()).isEqualTo("BANK-20260107-1");
        assertThat(report.originalMessageId()).isEqualTo("RUN-7-3311");
        assertThat(report.groupStatus()).isEqualTo("PART");
        assertThat(report.transactions()).extracting(t -> t.endToEndId() + " " + t.outcome() + " " + t.bankReference()
                + " " + t.reason()).containsExactly("RUN-7-1 ACCEPTED ABN-778812 ", "RUN-7-2 REJECTED null AC04: Rekening opgeheven");
    }

    @Test
    void theStatusCodes_acceptRejectOrWait() {
        assertThat(Outcome.of("ACSC")).isEqualTo(Outcome.ACCEPTED);
        assertThat(Outcome.of("ACCP")).isEqualTo(Outcome.ACCEPTED);
        assertThat(Outcome.of("RJCT")).isEqualTo(Outcome.REJECTED);
        assertThat(Outcome.of("PDNG")).isEqualTo(Outcome.PENDING);
        assertThat(Outcome.of(null)).isEqualTo(Outcome.PENDING);
    }

    @Test
    void textThatIsNoStatusReport_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Pain002.read("<Document/>"));
        assertThatIllegalArgumentException().isThrownBy(() -> Pain002.read("not xml at all"));
    }
}

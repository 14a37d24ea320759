package nl.bdss.settlement.sepa.web;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import java.util.ArrayList;
import java.util.List;
import nl.bdss.settlement.sepa.domain.PaymentStatusReport;
import nl.bdss.settlement.sepa.domain.PaymentStatusReport.TransactionStatus;

/**
 * Reads a bank's ISO 20022 {@code pain.002.001.10} customer payment status report through the Prowide ISO 20022
 * model: the original message id, the group status and every transaction's status with its reason and the bank's
 * reference ({@code AcctSvcrRef}, else the clearing reference).
 */
public final class Pain002 {

    private Pain002() {
    }

    /** @throws IllegalArgumentException when the text is no pain.002.001.10 status report */
    public static PaymentStatusReport read(String xml) {
        MxPain00200110 message;
        try {
            message = MxPain00200110.parse(xml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a pain.002.001.10 document: " + e.getMessage(), e);
        }
        CustomerPaymentStatusReportV10 report = message == null ? null : message.getCstmrPmtStsRpt();
        if (report == null || report.getOrgnlGrpInfAndSts() == null || report.getOrgnlGrpInfAndSts().getOrgnlMsgId() == null) {
            throw new IllegalArgumentException("not a pain.002.001.10 status report: no CstmrPmtStsRpt with OrgnlGrpInfAndSts/OrgnlMsgId");
        }
        List<TransactionStatus> transactions = new ArrayList<>();
        for (OriginalPaymentInstruction32 payment : report.getOrgnlPmtInfAndSts()) {
            for (PaymentTransaction105 transaction : payment.getTxInfAndSts()) {
                if (transaction.getOrgnlEndToEndId() == null) {
                    throw new IllegalArgumentException("a transaction status without OrgnlEndToEndId");
                }
                StatusReasonInformation12 reason = transaction.getStsRsnInf().isEmpty() ? null
                        : transaction.getStsRsnInf().get(0);
                String code = reason == null || reason.getRsn() == null ? null
                        : reason.getRsn().getCd() != null ? reason.getRsn().getCd() : reason.getRsn().getPrtry();
                String text = reason == null ? null : String.join(" ", reason.getAddtlInf());
                String bankReference = transaction.getAcctSvcrRef() != null ? transaction.getAcctSvcrRef()
                        : transaction.getClrSysRef();
                String status = transaction.getTxSts() != null ? transaction.getTxSts() : payment.getPmtInfSts();
                transactions.add(new TransactionStatus(transaction.getOrgnlEndToEndId(), status, code,
                        text == null || text.isBlank() ? null : text, bankReference));
            }
        }
        return new PaymentStatusReport(report.getGrpHdr() == null ? null : report.getGrpHdr().getMsgId(),
                report.getOrgnlGrpInfAndSts().getOrgnlMsgId(), report.getOrgnlGrpInfAndSts().getGrpSts(), transactions);
    }
}

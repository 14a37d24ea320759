package nl.bdss.settlement.sepa.web;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentInformation7;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentType3Choice;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentType4;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import java.time.ZoneOffset;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Account;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Reference;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Transfer;

/**
 * Writes a {@link CreditTransferInitiation} as an ISO 20022 {@code pain.001.001.09} document through the Prowide
 * ISO 20022 model (JAXB classes generated from the standard's schema), never by concatenating XML: one {@code PmtInf}
 * for the debtor account and execution date, SEPA service level, charges shared (SLEV), {@code NbOfTxs} and
 * {@code CtrlSum} in the group header and the payment information, every amount in EUR with two decimals exactly
 * equal to its cents, and per transfer structured remittance information naming each contract reference and period
 * it pays ({@code RfrdDocInf}: type proprietary "BDSS", number the contract reference, date the period's start).
 */
public final class Pain001 {

    /** The proprietary document type of a referred contract period. */
    static final String CONTRACT_PERIOD = "BDSS";

    private Pain001() {
    }

    public static String write(CreditTransferInitiation file) {
        String count = Integer.toString(file.numberOfTransactions());
        CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85()
                        .setMsgId(file.messageId())
                        .setCreDtTm(file.createdAt().atOffset(ZoneOffset.UTC))
                        .setNbOfTxs(count)
                        .setCtrlSum(file.controlSum().toEuros())
                        .setInitgPty(new PartyIdentification135().setNm(file.initiatingParty())));
        PaymentInstruction30 payment = new PaymentInstruction30()
                .setPmtInfId(file.paymentInformationId())
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(count)
                .setCtrlSum(file.controlSum().toEuros())
                .setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(file.executionDate()))
                .setDbtr(new PartyIdentification135().setNm(file.debtor().name()))
                .setDbtrAcct(account(file.debtor()))
                .setDbtrAgt(agent(file.debtor()))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        for (Transfer transfer : file.transfers()) {
            payment.addCdtTrfTxInf(transaction(transfer));
        }
        initiation.addPmtInf(payment);
        // the document in the standard's default namespace (no prefix), as banks' examples show it
        MxWriteParams params = new MxWriteParams();
        params.prefix = null;
        params.includeXMLDeclaration = true;
        return new MxPain00100109().setCstmrCdtTrfInitn(initiation).document(params);
    }

    private static CreditTransferTransaction34 transaction(Transfer transfer) {
        RemittanceInformation16 remittance = new RemittanceInformation16();
        StructuredRemittanceInformation16 structured = new StructuredRemittanceInformation16();
        for (Reference reference : transfer.references()) {
            structured.addRfrdDocInf(new ReferredDocumentInformation7()
                    .setTp(new ReferredDocumentType4().setCdOrPrtry(new ReferredDocumentType3Choice().setPrtry(CONTRACT_PERIOD)))
                    .setNb(reference.document())
                    .setRltdDt(reference.periodStart()));
        }
        if (!transfer.references().isEmpty()) {
            remittance.addStrd(structured);
        }
        CreditTransferTransaction34 transaction = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setInstrId(transfer.endToEndId()).setEndToEndId(transfer.endToEndId()))
                .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setCcy("EUR").setValue(transfer.amount().toEuros())))
                .setCdtrAgt(agent(transfer.creditor()))
                .setCdtr(new PartyIdentification135().setNm(transfer.creditor().name()))
                .setCdtrAcct(account(transfer.creditor()));
        if (!transfer.references().isEmpty()) {
            transaction.setRmtInf(remittance);
        }
        return transaction;
    }

    private static CashAccount38 account(Account account) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(account.iban()));
    }

    /** The account's bank by its BIC; without one, "NOTPROVIDED" as the SEPA rulebook allows (IBAN-only). */
    private static BranchAndFinancialInstitutionIdentification6 agent(Account account) {
        FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
        if (account.bic() != null && !account.bic().isBlank()) {
            institution.setBICFI(account.bic());
        } else {
            institution.setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
        }
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(institution);
    }
}

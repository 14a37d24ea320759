package nl.bdss.settlement.bankaccounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BankAccountTest {

    @Test
    void theSameAccount_writtenOtherwise_isEqual_soItMakesNoNewRevision() {
        BankAccount typed = BankAccount.of("nl91 abna 0417 1643 00", " abnanl2a ", "  Praktijk De Linde ");
        BankAccount electronic = BankAccount.of("NL91ABNA0417164300", "ABNANL2A", "Praktijk De Linde");

        assertThat(typed).isEqualTo(electronic);
        assertThat(typed.iban().formatted()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(BankAccount.of("NL91ABNA0417164300", "", "Praktijk").bic()).isNull();
        assertThat(BankAccount.of("NL91ABNA0417164300", null, "Praktijk"))
                .isNotEqualTo(BankAccount.of("NL91ABNA0417164300", "ABNANL2A", "Praktijk"));
    }

    @Test
    void everyFieldThatBreaksItsRule_isNamed() {
        // NL92...: check digits one more than NL91's leave remainder 2; ABN has 3 characters; the holder is blank
        assertThat(BankAccount.refusals("NL92ABNA0417164300", "ABN", "  "))
                .extracting(BankAccount.FieldRefusal::field).containsExactly("iban", "bic", "accountHolder");
        assertThat(BankAccount.refusals(null, null, null))
                .extracting(BankAccount.FieldRefusal::field).containsExactly("iban", "accountHolder");
        assertThat(BankAccount.refusals("NL91ABNA0417164300", null, "x".repeat(141)))
                .extracting(BankAccount.FieldRefusal::message)
                .containsExactly("accountHolder has at most 140 characters (SEPA), was 141");
        assertThat(BankAccount.refusals("NL91ABNA0417164300", null, "Praktijk\nDe Linde"))
                .extracting(BankAccount.FieldRefusal::field).containsExactly("accountHolder");
        assertThat(BankAccount.refusals("NL91ABNA0417164300", null, "x".repeat(140))).isEmpty();
        assertThat(BankAccount.refusals("NL91ABNA0417164300", "", "Praktijk")).isEmpty();
    }

    @Test
    void aChange_isTheNextRevision() {
        Instant noon = Instant.parse("2026-11-22T12:00:00Z");
        RegisteredAccount first = RegisteredAccount.first(HolderKind.PAYEE, "01012345",
                BankAccount.of("NL91ABNA0417164300", null, "Praktijk"), noon, "provider-01012345");
        RegisteredAccount second = first.changedTo(BankAccount.of("NL02ABNA0123456789", null, "Praktijk"),
                noon.plusSeconds(60), "operator");

        assertThat(first.revision()).isEqualTo(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.updatedBy()).isEqualTo("operator");
        assertThat(second.holderCode()).isEqualTo("01012345");
        assertThatIllegalArgumentException().isThrownBy(() -> new RegisteredAccount(HolderKind.INSURER, "3311",
                first.account(), 0, noon, "insurer-3311"));
    }
}

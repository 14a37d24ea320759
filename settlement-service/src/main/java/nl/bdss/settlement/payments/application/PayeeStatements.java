package nl.bdss.settlement.payments.application;

import nl.bdss.settlement.application.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payee's statement as the caller may see it: an operator all of it, an insurer only the lines it pays this payee
 * (and their totals), a provider only its own statement; another payee's statement is not found for a provider,
 * whether that payee exists or not.
 */
@Service
public class PayeeStatements {

    private final PaymentInstructions instructions;

    public PayeeStatements(PaymentInstructions instructions) {
        this.instructions = instructions;
    }

    @Transactional(readOnly = true)
    public PayeeStatement of(String agb, Viewer viewer) {
        if (!viewer.mayReadStatementOf(agb)) {
            throw notFound(agb);
        }
        return PayeeStatement.of(agb, instructions.forPayee(agb, viewer));
    }

    public static Refusal notFound(String agb) {
        return Refusal.notFound("payee-statement-not-found", "Payee statement not found",
                "No payee statement for AGB " + agb);
    }
}

package nl.bdss.settlement.bankaccounts.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.BdssRole;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.bankaccounts.application.BankAccounts;
import nl.bdss.settlement.bankaccounts.application.Caller;
import nl.bdss.settlement.bankaccounts.application.Registering;
import nl.bdss.settlement.bankaccounts.domain.AccountChange;
import nl.bdss.settlement.bankaccounts.domain.BankAccount;
import nl.bdss.settlement.bankaccounts.domain.HolderKind;
import nl.bdss.settlement.bankaccounts.domain.RegisteredAccount;
import nl.bdss.settlement.web.FieldChecks;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts money is paid to and from (issue 16): a payee's (a provider's, per AGB code) and an insurer's debtor
 * account (per UZOVI code). IBAN and BIC are checked by the kernel's rules; every change is a new revision, kept with
 * who and when, and audited; the same account again changes nothing.
 *
 * <p>Identity from the token only. A provider registers and reads its own account and its history; another AGB
 * answers 404 {@code bank-account-not-found}, exactly like an AGB without an account (as a payee statement does). An
 * insurer reads a payee's account only when it pays that payee (an allocation line or a booked entry says so), else
 * the same 404; it registers and reads its own debtor account, another insurer's is 403 (as the claims burden). An
 * operator does everything on a party's behalf.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bank accounts", description = "Payees' and insurers' bank accounts (IBAN, BIC, holder) with their history")
class BankAccountsController {

    private final Registering registering;
    private final BankAccounts accounts;

    BankAccountsController(Registering registering, BankAccounts accounts) {
        this.registering = registering;
        this.accounts = accounts;
    }

    /**
     * @param iban          any case, spaces allowed (e.g. {@code NL91 ABNA 0417 1643 00})
     * @param bic           optional (8 or 11 characters)
     * @param accountHolder the name on the account, 1 to 140 characters
     */
    record AccountRequest(String iban, String bic, String accountHolder) {
    }

    /** An account as answered: the IBAN in groups of four, its revision, who changed it last and when. */
    record AccountView(@JsonInclude(JsonInclude.Include.NON_NULL) String agb,
            @JsonInclude(JsonInclude.Include.NON_NULL) String uzovi, String iban,
            @JsonInclude(JsonInclude.Include.ALWAYS) String bic, String accountHolder, int revision, Instant updatedAt,
            String updatedBy) {

        static AccountView of(RegisteredAccount registered) {
            BankAccount account = registered.account();
            boolean payee = registered.kind() == HolderKind.PAYEE;
            return new AccountView(payee ? registered.holderCode() : null, payee ? null : registered.holderCode(),
                    account.iban().formatted(), account.bic() == null ? null : account.bic().value(),
                    account.accountHolder(), registered.revision(), registered.updatedAt(), registered.updatedBy());
        }
    }

    record RevisionView(int revision, String iban, @JsonInclude(JsonInclude.Include.ALWAYS) String bic,
            String accountHolder, Instant changedAt, String changedBy) {

        static RevisionView of(AccountChange change) {
            BankAccount account = change.account();
            return new RevisionView(change.revision(), account.iban().formatted(),
                    account.bic() == null ? null : account.bic().value(), account.accountHolder(), change.changedAt(),
                    change.changedBy());
        }
    }

    record HistoryView(@JsonInclude(JsonInclude.Include.NON_NULL) String agb,
            @JsonInclude(JsonInclude.Include.NON_NULL) String uzovi, List<RevisionView> revisions) {
    }

    // Payees

    @PutMapping(value = "/payees/{agb}/bank-account", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register or change a payee's bank account",
            description = "{\"iban\", \"bic\" (optional), \"accountHolder\"}: the IBAN in any case, spaces allowed,"
                    + " checked by ISO 13616 (the country's length, MOD 97-10 check digits); the BIC 8 or 11"
                    + " characters; the holder 1 to 140 characters. A provider for its own AGB (another AGB 404);"
                    + " an operator on a payee's behalf. A change is a new revision, kept with who and when; the same"
                    + " account again changes nothing.")
    @ApiResponse(responseCode = "200", description = "The account (IBAN in groups of four), its revision, updatedAt")
    @ApiResponse(responseCode = "400", description = "invalid-request naming each field (iban, bic, accountHolder,"
            + " agb) that breaks its rule; nothing stored", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An insurer or the TTP",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "bank-account-not-found: a provider naming another AGB",
            content = @Content(mediaType = "application/problem+json"))
    AccountView registerPayee(@Parameter(description = "The payee's 8-digit AGB code") @PathVariable String agb,
            @RequestBody AccountRequest request) {
        checkAgb(agb);
        Caller caller = caller();
        if (caller.agb().isPresent() && !caller.isPayee(agb)) {
            throw BankAccounts.notFound(HolderKind.PAYEE, agb);
        }
        return AccountView.of(registering.register(HolderKind.PAYEE, agb, checked(request), by()));
    }

    @GetMapping(value = "/payees/{agb}/bank-account", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A payee's current bank account",
            description = "The provider its own; an insurer only when it pays this payee (party to a contract with a"
                    + " line or entry for it), else 404 as for an unknown account; an operator every one.")
    @ApiResponse(responseCode = "200", description = "The account (IBAN in groups of four), its revision, updatedAt")
    @ApiResponse(responseCode = "400", description = "agb not an 8-digit AGB code",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "bank-account-not-found: none registered, or not the caller's"
            + " to see", content = @Content(mediaType = "application/problem+json"))
    AccountView payee(@Parameter(description = "The payee's 8-digit AGB code") @PathVariable String agb) {
        checkAgb(agb);
        return AccountView.of(accounts.payeeSeenBy(agb, caller()));
    }

    @GetMapping(value = "/payees/{agb}/bank-account/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every revision of a payee's bank account: what, who, when",
            description = "The provider its own (another AGB 404); an operator every one. Oldest first.")
    @ApiResponse(responseCode = "200", description = "The revisions, oldest first")
    @ApiResponse(responseCode = "400", description = "agb not an 8-digit AGB code",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An insurer or the TTP",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "bank-account-not-found: none registered, or another AGB",
            content = @Content(mediaType = "application/problem+json"))
    HistoryView payeeHistory(@Parameter(description = "The payee's 8-digit AGB code") @PathVariable String agb) {
        checkAgb(agb);
        return new HistoryView(agb, null, accounts.payeeHistorySeenBy(agb, caller()).stream()
                .map(RevisionView::of).toList());
    }

    // Insurers

    @PutMapping(value = "/insurers/{uzovi}/bank-account", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register or change an insurer's debtor bank account",
            description = "The same body and checks as a payee's account. The insurer for itself (another UZOVI"
                    + " 403); an operator on an insurer's behalf. A change is a new revision; the same account again"
                    + " changes nothing.")
    @ApiResponse(responseCode = "200", description = "The account (IBAN in groups of four), its revision, updatedAt")
    @ApiResponse(responseCode = "400", description = "invalid-request naming each field (iban, bic, accountHolder,"
            + " uzovi) that breaks its rule; nothing stored", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An insurer naming another insurer; a provider or the TTP",
            content = @Content(mediaType = "application/problem+json"))
    AccountView registerInsurer(@Parameter(description = "The insurer's 4-digit UZOVI code") @PathVariable String uzovi,
            @RequestBody AccountRequest request) {
        checkOwnInsurer(uzovi, "registers");
        return AccountView.of(registering.register(HolderKind.INSURER, uzovi, checked(request), by()));
    }

    @GetMapping(value = "/insurers/{uzovi}/bank-account", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An insurer's current debtor bank account",
            description = "The insurer its own (another UZOVI 403); an operator every one.")
    @ApiResponse(responseCode = "200", description = "The account (IBAN in groups of four), its revision, updatedAt")
    @ApiResponse(responseCode = "400", description = "uzovi not a 4-digit UZOVI code",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An insurer naming another insurer; a provider or the TTP",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "bank-account-not-found: none registered",
            content = @Content(mediaType = "application/problem+json"))
    AccountView insurer(@Parameter(description = "The insurer's 4-digit UZOVI code") @PathVariable String uzovi) {
        checkOwnInsurer(uzovi, "reads");
        return AccountView.of(accounts.insurerAccount(uzovi));
    }

    @GetMapping(value = "/insurers/{uzovi}/bank-account/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every revision of an insurer's debtor bank account: what, who, when",
            description = "The insurer its own (another UZOVI 403); an operator every one. Oldest first.")
    @ApiResponse(responseCode = "200", description = "The revisions, oldest first")
    @ApiResponse(responseCode = "400", description = "uzovi not a 4-digit UZOVI code",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An insurer naming another insurer; a provider or the TTP",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "bank-account-not-found: none registered",
            content = @Content(mediaType = "application/problem+json"))
    HistoryView insurerHistory(@Parameter(description = "The insurer's 4-digit UZOVI code") @PathVariable String uzovi) {
        checkOwnInsurer(uzovi, "reads");
        return new HistoryView(null, uzovi, accounts.insurerHistory(uzovi).stream().map(RevisionView::of).toList());
    }

    // Helpers

    /** The requested account, every field checked first: each one that breaks its rule is named, nothing stored. */
    private static BankAccount checked(AccountRequest request) {
        FieldChecks checks = new FieldChecks();
        BankAccount.refusals(request.iban(), request.bic(), request.accountHolder())
                .forEach(refusal -> checks.check(false, refusal.field(), FieldError.REQUEST, refusal.message()));
        checks.refuseIfAny();
        return BankAccount.of(request.iban(), request.bic(), request.accountHolder());
    }

    private static void checkAgb(String agb) {
        new FieldChecks()
                .check(AgbCode.isValid(agb), "agb", FieldError.REQUEST, "agb must be an 8-digit AGB code, was " + agb)
                .refuseIfAny();
        AuditObject.describe("payee-bank-account", agb);
    }

    private static void checkOwnInsurer(String uzovi, String verb) {
        new FieldChecks()
                .check(Uzovi.isValid(uzovi), "uzovi", FieldError.REQUEST,
                        "uzovi must be a 4-digit UZOVI code, was " + uzovi)
                .refuseIfAny();
        AuditObject.describe("insurer-bank-account", uzovi);
        Optional<String> own = CurrentClient.insurerRestriction();
        if (own.isPresent() && !own.get().equals(uzovi)) {
            throw new ProblemException(Problem.forbidden("uzovi: an insurer " + verb + " only its own bank account; "
                    + uzovi + " is not the UZOVI of the calling client"));
        }
    }

    /**
     * The caller from its token. A provider token without a valid eight-digit AGB is refused (403), never read as an
     * operator's "no restriction".
     */
    private static Caller caller() {
        Optional<String> agb = CurrentClient.providerRestriction();
        if (CurrentClient.get().map(c -> c.is(BdssRole.PROVIDER)).orElse(false)
                && (agb.isEmpty() || !AgbCode.isValid(agb.get()))) {
            throw new ProblemException(Problem.forbidden(
                    "A provider token must carry its eight-digit AGB code in the 'agb' claim"));
        }
        return new Caller(CurrentClient.insurerRestriction(), agb);
    }

    private static String by() {
        return CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
    }
}

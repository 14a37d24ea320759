package nl.bdss.settlement.paymentruns.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import nl.bdss.settlement.paymentruns.domain.BankAccount;

/** The current accounts a run pays from and to; a holder without a row has no valid account. */
public interface RunAccounts {

    Optional<BankAccount> debtor(String uzovi);

    /** The accounts of those payees that have one. */
    Map<String, BankAccount> payees(Collection<String> agbs);
}

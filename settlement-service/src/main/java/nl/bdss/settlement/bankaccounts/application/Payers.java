package nl.bdss.settlement.bankaccounts.application;

/** Which insurers pay which payees, as settlement knows it from the allocations it applied and the entries it booked. */
public interface Payers {

    /** Whether insurer {@code uzovi} is party to a contract that pays payee {@code agb}: a line or an entry says so. */
    boolean pays(String uzovi, String agb);
}

package nl.bdss.contract.register.web;

import java.time.LocalDate;

/** A termination: the last day (inclusive) the contract is valid. */
record TerminationRequest(LocalDate endDate) {
}

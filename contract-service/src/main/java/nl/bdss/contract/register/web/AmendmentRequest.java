package nl.bdss.contract.register.web;

import java.time.LocalDate;
import nl.bdss.contract.register.domain.ContractTerms;

/** An amendment: the complete new contract document and the day it takes effect. */
record AmendmentRequest(LocalDate effectiveFrom, ContractTerms contract) {
}

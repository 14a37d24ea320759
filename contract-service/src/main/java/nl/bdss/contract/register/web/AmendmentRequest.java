package nl.bdss.contract.register.web;

import java.time.LocalDate;

/** An amendment: the complete new contract document and the day it takes effect. */
record AmendmentRequest(LocalDate effectiveFrom, ContractDocumentJson contract) {
}

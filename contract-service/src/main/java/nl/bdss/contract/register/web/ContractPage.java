package nl.bdss.contract.register.web;

import java.util.List;

/** One page of a contract search. */
record ContractPage(List<ContractResponse> items, int page, int size, long totalElements, long totalPages) {
}

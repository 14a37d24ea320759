package nl.bdss.reporting.contracts.web;

import java.util.List;
import java.util.Map;
import nl.bdss.reporting.contracts.application.ContractReadings;
import nl.bdss.reporting.contracts.application.ContractReadings.ContractView;
import nl.bdss.reporting.contracts.application.ContractReadings.PendingAllocation;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Page;
import nl.bdss.reporting.web.Paging;
import nl.bdss.security.CurrentClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contracts as reporting knows them, their statuses and the allocations still pending. An insurer sees only the
 * contracts it is a party to (filtered in the queries, so counts and pages are its own); operators see all.
 */
@RestController
@RequestMapping("/api/v1")
class ContractController {

    private final ContractReadings contracts;

    ContractController(ContractReadings contracts) {
        this.contracts = contracts;
    }

    @GetMapping("/contracts")
    List<ContractView> contracts(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return contracts.contracts(status, onlyUzovi(), Paging.size(size), (long) Paging.page(page) * size);
    }

    @GetMapping("/contracts/by-status")
    Map<String, Long> byStatus() {
        return contracts.countByStatus(onlyUzovi());
    }

    /** One page of the allocations still pending (JSON), or all of them as CSV. */
    @GetMapping("/allocations/pending")
    ResponseEntity<?> pending(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (Csv.wanted(format, accept)) {
            Csv csv = new Csv("contractId", "allocationVersion", "contractVersion", "pendingReason");
            contracts.pending(onlyUzovi(), Long.MAX_VALUE, 0).forEach(p -> csv.row(p.contractId(), p.allocationVersion(),
                    p.contractVersion(), p.pendingReason()));
            return csv.response("pending-allocations.csv");
        }
        List<PendingAllocation> items = contracts.pending(onlyUzovi(), Paging.size(size), Paging.offset(page, size));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Page<>(items, page, size, contracts.pendingCount(onlyUzovi())));
    }

    /** An insurer's own UZOVI from its token: it sees only contracts where it is a party. Null for everyone else. */
    private static String onlyUzovi() {
        return CurrentClient.insurerRestriction().orElse(null);
    }
}

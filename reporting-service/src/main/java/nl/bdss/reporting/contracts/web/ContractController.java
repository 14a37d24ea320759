package nl.bdss.reporting.contracts.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Page;
import nl.bdss.reporting.web.Paging;
import nl.bdss.security.CurrentClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    record ContractView(String contractId, int version, String reference, String title, String status,
            LocalDate validFrom, LocalDate validUntil, long lumpSumCents, String budgetPeriod, List<String> insurers,
            List<String> sectors, List<String> providers, String allocationStatus, Integer allocationVersion) {
    }

    record PendingAllocation(String contractId, int allocationVersion, int contractVersion, String pendingReason) {
    }

    /**
     * An insurer (parameter {@code :uzovi}) sees the allocations of contracts it is a party to; an allocation whose
     * contract reporting has not seen yet names no parties, so only callers without a restriction see it.
     */
    private static final String OWN_ALLOCATION = """
            (cast(:uzovi as varchar) is null or exists (select 1 from contract_view c
                where c.contract_id = a.contract_id and :uzovi = any(c.insurers)))""";

    private final JdbcClient jdbc;

    ContractController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/contracts")
    List<ContractView> contracts(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return jdbc.sql("""
                        select c.contract_id, c.version, c.reference, c.title, c.status, c.valid_from, c.valid_until,
                            c.lump_sum_cents, c.budget_period, c.insurers, c.zvw_sectors, c.provider_agbs,
                            a.status, a.allocation_version
                        from contract_view c left join contract_allocation a on a.contract_id = c.contract_id
                        where (cast(:status as varchar) is null or c.status = :status)
                            and (cast(:uzovi as varchar) is null or :uzovi = any(c.insurers))
                        order by c.reference, c.contract_id limit :size offset :offset""")
                .param("status", status, java.sql.Types.VARCHAR)
                .param("uzovi", onlyUzovi(), java.sql.Types.VARCHAR)
                .param("size", Paging.size(size))
                .param("offset", (long) Paging.page(page) * size)
                .query((rs, n) -> new ContractView(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getLong(8),
                        rs.getString(9), strings(rs.getArray(10)), strings(rs.getArray(11)), strings(rs.getArray(12)),
                        rs.getString(13), (Integer) rs.getObject(14)))
                .list();
    }

    @GetMapping("/contracts/by-status")
    Map<String, Long> byStatus() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                        select status, count(*) from contract_view
                        where cast(:uzovi as varchar) is null or :uzovi = any(insurers) group by status""")
                .param("uzovi", onlyUzovi(), java.sql.Types.VARCHAR)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** One page of the allocations still pending (JSON), or all of them as CSV. */
    @GetMapping("/allocations/pending")
    ResponseEntity<?> pending(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (Csv.wanted(format, accept)) {
            Csv csv = new Csv("contractId", "allocationVersion", "contractVersion", "pendingReason");
            pending(Long.MAX_VALUE, 0).forEach(p -> csv.row(p.contractId(), p.allocationVersion(), p.contractVersion(),
                    p.pendingReason()));
            return csv.response("pending-allocations.csv");
        }
        List<PendingAllocation> items = pending(Paging.size(size), Paging.offset(page, size));
        long total = jdbc.sql("select count(*) from contract_allocation a where a.status = 'PENDING' and " + OWN_ALLOCATION)
                .param("uzovi", onlyUzovi(), java.sql.Types.VARCHAR).query(Long.class).single();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Page<>(items, page, size, total));
    }

    private List<PendingAllocation> pending(long limit, long offset) {
        return jdbc.sql("select a.contract_id, a.allocation_version, a.contract_version, a.pending_reason"
                        + " from contract_allocation a where a.status = 'PENDING' and " + OWN_ALLOCATION
                        + " order by a.contract_id limit :limit offset :offset")
                .param("uzovi", onlyUzovi(), java.sql.Types.VARCHAR).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new PendingAllocation(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    /** An insurer's own UZOVI from its token: it sees only contracts where it is a party. Null for everyone else. */
    private static String onlyUzovi() {
        return CurrentClient.insurerRestriction().orElse(null);
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

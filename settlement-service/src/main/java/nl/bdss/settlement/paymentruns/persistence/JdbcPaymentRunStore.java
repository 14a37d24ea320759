package nl.bdss.settlement.paymentruns.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.paymentruns.application.PaymentRun;
import nl.bdss.settlement.paymentruns.application.PaymentRunStore;
import nl.bdss.settlement.paymentruns.domain.Netting;
import nl.bdss.settlement.paymentruns.domain.OpenInstruction;
import nl.bdss.settlement.paymentruns.domain.RunStatus;
import nl.bdss.settlement.persistence.InstalmentColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payment runs in {@code payment_run} and its immutable contents; the claims in {@code payment_run_claim} (one per
 * instruction: at most one active run holds it). A run's transfers are read back with their instructions from
 * {@code settlement_entry}, which is immutable too, so a run reads the same every time.
 */
@Repository
class JdbcPaymentRunStore implements PaymentRunStore {

    private static final String ENTRY = """
            e.id, e.payee_agb, e.contract_id, e.period_start, e.period_end, e.sector, e.kind, e.amount_cents,
            e.payment_timing, e.instalment_start, e.instalment_end, e.vat_cents, coalesce((select ca.contract_reference from contract_allocation ca
                                         where ca.contract_id = e.contract_id), e.contract_id) as contract_reference""";
    private static final String HEADER = """
            select id, run_number, uzovi, execution_date, due_up_to, status, created_at, created_by, debtor_iban,
                   debtor_name from payment_run""";

    private final JdbcClient jdbc;

    JdbcPaymentRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockKey(String scopedKey) {
        jdbc.sql(RunLocks.KEY).param(scopedKey).query((rs, n) -> Boolean.TRUE).list();
    }

    @Override
    public Optional<Keyed> byKey(String scopedKey) {
        return jdbc.sql("select id, request_fingerprint from payment_run where idempotency_key = ?").param(scopedKey)
                .query((rs, n) -> new Keyed(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    @Override
    public void lockInsurer(String uzovi) {
        jdbc.sql(RunLocks.INSURER).param(Integer.parseInt(uzovi)).query((rs, n) -> Boolean.TRUE).list();
    }

    @Override
    public List<OpenInstruction> openUnclaimed(String uzovi) {
        return jdbc.sql("select " + ENTRY + """
                 from settlement_entry e
                where e.uzovi = ?
                  and not exists (select 1 from payment_acknowledgement a where a.entry_id = e.id)
                  and not exists (select 1 from payment_run_claim c where c.entry_id = e.id)
                order by e.payee_agb, e.contract_id, e.period_start, e.sequence""")
                .param(uzovi).query((rs, n) -> instruction(rs)).list();
    }

    @Override
    public Set<UUID> lockStillOpen(Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return Set.of();
        }
        String ids = Arrays.literal(entryIds);
        jdbc.sql("select id from settlement_entry where id = any(cast(? as uuid[])) order by id for update")
                .param(ids).query((rs, n) -> Boolean.TRUE).list();
        // a new statement after the locks: it sees an acknowledgement committed while this one waited
        return new HashSet<>(jdbc.sql("""
                select e.id from settlement_entry e
                 where e.id = any(cast(? as uuid[]))
                   and not exists (select 1 from payment_acknowledgement a where a.entry_id = e.id)
                   and not exists (select 1 from payment_run_claim c where c.entry_id = e.id)""")
                .param(ids).query(UUID.class).list());
    }

    @Override
    public long insert(NewRun run) {
        return jdbc.sql("""
                insert into payment_run (id, uzovi, execution_date, due_up_to, debtor_iban, debtor_bic, debtor_name,
                                         status, idempotency_key, request_fingerprint, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?) returning run_number""")
                .params(run.id(), run.uzovi(), run.executionDate(), run.dueUpTo(), run.debtor().iban(),
                        run.debtor().bic(), run.debtor().holder(), run.idempotencyKey(), run.fingerprint(),
                        Timestamp.from(run.createdAt()), run.createdBy())
                .query(Long.class).single();
    }

    @Override
    public void insertContents(UUID runId, Netting.Result result) {
        for (Netting.Transfer t : result.transfers()) {
            jdbc.sql("""
                    insert into payment_run_transfer (run_id, sequence, end_to_end_id, payee_agb, creditor_iban,
                                                      creditor_bic, creditor_name, amount_cents)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, t.sequence(), t.endToEndId(), t.payeeAgb(), t.creditor().iban(), t.creditor().bic(),
                            t.creditor().holder(), t.amountCents())
                    .update();
            for (OpenInstruction i : t.instructions()) {
                jdbc.sql("insert into payment_run_item (run_id, entry_id, end_to_end_id) values (?, ?, ?)")
                        .params(runId, i.id(), t.endToEndId()).update();
                // the primary key refuses an instruction already claimed by another active run
                jdbc.sql("insert into payment_run_claim (entry_id, run_id) values (?, ?)").params(i.id(), runId)
                        .update();
            }
        }
        for (Netting.Receivable r : result.receivables()) {
            jdbc.sql("""
                    insert into payment_run_receivable (run_id, payee_agb, net_cents, entry_ids)
                    values (?, ?, ?, cast(? as uuid[]))""")
                    .params(runId, r.payeeAgb(), r.netCents(), Arrays.literal(Netting.ids(r.instructions()))).update();
        }
        for (Netting.Problem p : result.problems()) {
            jdbc.sql("""
                    insert into payment_run_problem (run_id, payee_agb, problem, net_cents, entry_ids)
                    values (?, ?, ?, ?, cast(? as uuid[]))""")
                    .params(runId, p.payeeAgb(), p.problem(), p.netCents(),
                            Arrays.literal(Netting.ids(p.instructions()))).update();
        }
    }

    @Override
    public Optional<PaymentRun> byId(UUID id, Optional<String> onlyUzovi) {
        return jdbc.sql(HEADER + " where id = ? and (cast(? as varchar) is null or uzovi = ?)")
                .params(id, onlyUzovi.orElse(null), onlyUzovi.orElse(null))
                .query((rs, n) -> headerRow(rs)).optional().map(this::complete);
    }

    @Override
    public Page find(Optional<String> onlyUzovi, RunStatus status, int page, int size) {
        String where = " where (cast(? as varchar) is null or uzovi = ?) and (cast(? as varchar) is null or status = ?)";
        String uzovi = onlyUzovi.orElse(null);
        String state = status == null ? null : status.name();
        long total = jdbc.sql("select count(*) from payment_run" + where).params(uzovi, uzovi, state, state)
                .query(Long.class).single();
        List<PaymentRun> content = jdbc.sql(HEADER + where + " order by created_at desc, run_number desc limit ? offset ?")
                .params(uzovi, uzovi, state, state, size, (long) page * size)
                .query((rs, n) -> headerRow(rs)).list().stream().map(this::complete).toList();
        return new Page(content, page, size, total);
    }

    @Override
    public Optional<Header> lock(UUID id, Optional<String> onlyUzovi) {
        return jdbc.sql("select id, uzovi, status from payment_run where id = ?"
                        + " and (cast(? as varchar) is null or uzovi = ?) for update")
                .params(id, onlyUzovi.orElse(null), onlyUzovi.orElse(null))
                .query((rs, n) -> new Header(rs.getObject(1, UUID.class), rs.getString(2),
                        RunStatus.valueOf(rs.getString(3))))
                .optional();
    }

    @Override
    public void cancel(UUID id, Instant at, String by) {
        jdbc.sql("update payment_run set status = 'CANCELLED', status_changed_at = ?, status_changed_by = ? where id = ?")
                .params(Timestamp.from(at), by, id).update();
        jdbc.sql("delete from payment_run_claim where run_id = ?").param(id).update();
    }

    @Override
    public List<RemittanceRow> remittance(UUID id) {
        return jdbc.sql("select t.end_to_end_id, t.creditor_name, " + ENTRY + """
                  from payment_run_transfer t
                  join payment_run_item i on i.end_to_end_id = t.end_to_end_id
                  join settlement_entry e on e.id = i.entry_id
                 where t.run_id = ?
                 order by t.sequence, e.contract_id, e.period_start, e.sector, e.sequence""")
                .param(id)
                .query((rs, n) -> new RemittanceRow(rs.getString("end_to_end_id"), rs.getString("payee_agb"),
                        rs.getString("creditor_name"), instruction(rs)))
                .list();
    }

    /** The run's header as read, before its contents are added. */
    private record Row(UUID id, long number, String uzovi, LocalDate executionDate, LocalDate dueUpTo, String status,
            Instant createdAt, String createdBy, String debtorIban, String debtorName) {
    }

    private static Row headerRow(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getLong("run_number"), rs.getString("uzovi"),
                rs.getObject("execution_date", LocalDate.class), rs.getObject("due_up_to", LocalDate.class),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getString("debtor_iban"), rs.getString("debtor_name"));
    }

    private PaymentRun complete(Row run) {
        record TransferRow(String endToEndId, String payeeAgb, String name, String iban, String bic, long cents) {
        }
        List<TransferRow> transferRows = jdbc.sql("""
                select end_to_end_id, payee_agb, creditor_name, creditor_iban, creditor_bic, amount_cents
                  from payment_run_transfer where run_id = ? order by sequence""")
                .param(run.id())
                .query((rs, n) -> new TransferRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)))
                .list();
        Map<String, List<OpenInstruction>> items = new LinkedHashMap<>();
        for (RemittanceRow row : remittance(run.id())) {
            items.computeIfAbsent(row.endToEndId(), k -> new ArrayList<>()).add(row.instruction());
        }
        List<PaymentRun.Transfer> transfers = transferRows.stream().map(t -> {
            List<OpenInstruction> own = items.getOrDefault(t.endToEndId(), List.of());
            return new PaymentRun.Transfer(t.endToEndId(), t.payeeAgb(), t.name(), t.iban(), t.bic(), t.cents(),
                    Netting.ids(own), Netting.remittance(own));
        }).toList();
        List<PaymentRun.Receivable> receivables = jdbc.sql("""
                select payee_agb, net_cents, entry_ids from payment_run_receivable where run_id = ? order by payee_agb""")
                .param(run.id())
                .query((rs, n) -> new PaymentRun.Receivable(rs.getString(1), rs.getLong(2),
                        Arrays.uuids(rs.getArray(3))))
                .list();
        List<PaymentRun.Problem> problems = jdbc.sql("""
                select payee_agb, problem, net_cents, entry_ids from payment_run_problem where run_id = ?
                 order by payee_agb""")
                .param(run.id())
                .query((rs, n) -> new PaymentRun.Problem(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Arrays.uuids(rs.getArray(4))))
                .list();
        long total = transfers.stream().mapToLong(PaymentRun.Transfer::amountCents).sum();
        return new PaymentRun(run.id(), run.number(), run.uzovi(), run.executionDate(), run.dueUpTo(), run.status(),
                run.createdAt(), run.createdBy(), run.debtorIban(), run.debtorName(), transfers, receivables, problems,
                transfers.size(), total);
    }

    private static OpenInstruction instruction(ResultSet rs) throws SQLException {
        Period period = new Period(rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class));
        Period instalment = InstalmentColumns.of(rs);
        long vatCents = rs.getLong("vat_cents");
        Long vat = rs.wasNull() ? null : vatCents;
        return new OpenInstruction(rs.getObject("id", UUID.class), rs.getString("payee_agb"),
                rs.getString("contract_reference"), period.start(), period.end(), rs.getString("sector"),
                rs.getString("kind"), rs.getLong("amount_cents"),
                InstalmentColumns.dueDate(rs, period, PaymentTiming.valueOf(rs.getString("payment_timing"))),
                instalment == null ? null : instalment.start(), instalment == null ? null : instalment.end(), vat);
    }

    @Override
    public Optional<String> debtorBic(UUID id) {
        return jdbc.sql("select debtor_bic from payment_run where id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(bic -> bic);
    }

    @Override
    public void changeStatus(UUID id, RunStatus status, Instant at, String by) {
        jdbc.sql("update payment_run set status = ?, status_changed_at = ?, status_changed_by = ? where id = ?")
                .params(status.name(), Timestamp.from(at), by, id).update();
    }

    @Override
    public java.util.Map<String, TransferStatus> transferStatuses(UUID id) {
        java.util.Map<String, TransferStatus> statuses = new java.util.LinkedHashMap<>();
        jdbc.sql("select end_to_end_id, outcome, status_code, reason, bank_reference from payment_run_transfer_status"
                        + " where run_id = ? order by end_to_end_id").param(id)
                .query(rs -> {
                    statuses.put(rs.getString(1), new TransferStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                });
        return statuses;
    }

    @Override
    public void insertTransferStatus(UUID runId, TransferStatus status, String reportMessageId, Instant at, String by) {
        jdbc.sql("""
                insert into payment_run_transfer_status (end_to_end_id, run_id, outcome, status_code, reason,
                       bank_reference, report_message_id, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(status.endToEndId(), runId, status.outcome(), status.statusCode(), status.reason(),
                        status.bankReference(), reportMessageId, Timestamp.from(at), by)
                .update();
    }

    @Override
    public void releaseClaims(UUID runId, String endToEndId) {
        jdbc.sql("delete from payment_run_claim c using payment_run_item i where i.run_id = c.run_id"
                        + " and i.entry_id = c.entry_id and c.run_id = ? and i.end_to_end_id = ?")
                .params(runId, endToEndId).update();
    }
}

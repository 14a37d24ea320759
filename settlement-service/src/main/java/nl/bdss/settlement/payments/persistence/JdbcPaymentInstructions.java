package nl.bdss.settlement.payments.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.payments.application.PaymentInstruction;
import nl.bdss.settlement.payments.application.PaymentInstructions;
import nl.bdss.settlement.payments.application.Viewer;
import nl.bdss.settlement.payments.domain.Direction;
import nl.bdss.settlement.payments.domain.PaymentStatus;
import nl.bdss.settlement.persistence.InstalmentColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payment instructions with their acknowledgement, read with one SQL statement per question. The viewer's insurer and
 * payee are applied in SQL, so an insurer's or a provider's pages and totals are counted over its own entries only.
 */
@Repository
class JdbcPaymentInstructions implements PaymentInstructions {

    private static final String SELECT = """
            select e.id, e.entry_key, e.kind, e.corrects_entry_key, e.contract_id, e.period_start, e.period_end, e.uzovi,
                   e.payee_agb, e.payee_party_key, e.sector, e.amount_cents, e.allocation_version, e.sequence, e.cause,
                   e.booked_by, e.booked_at, e.payment_timing, e.service_year, e.booking_year, e.instalment_start,
                   e.instalment_end, e.vat_treatment, e.vat_rate_bp, e.vat_cents, a.status, a.payment_reference, a.paid_on
            from settlement_entry e left join payment_acknowledgement a on a.entry_id = e.id
            """;
    /** The viewer's confinement: parameters uzovi, uzovi, payee, payee (null = not confined). */
    private static final String VIEWER = " (cast(? as varchar) is null or e.uzovi = ?)"
            + " and (cast(? as varchar) is null or e.payee_agb = ?)";

    private final JdbcClient jdbc;

    JdbcPaymentInstructions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page find(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from settlement_entry e left join payment_acknowledgement a on a.entry_id = e.id"
                + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<PaymentInstruction> content = jdbc.sql(SELECT + where
                        + " order by e.period_start, e.contract_id, e.sequence limit ? offset ?")
                .params(pageParams).query((rs, n) -> map(rs)).list();
        return new Page(content, page, size, total);
    }

    @Override
    public List<PaymentInstruction> forPeriod(LocalDate periodStart, Viewer viewer) {
        return jdbc.sql(SELECT + " where e.period_start = ? and" + VIEWER
                        + " order by e.uzovi, e.contract_id, e.sequence")
                .params(params(periodStart, viewer))
                .query((rs, n) -> map(rs)).list();
    }

    @Override
    public List<PaymentInstruction> forPayee(String agb, Viewer viewer) {
        return jdbc.sql(SELECT + " where e.payee_agb = ? and" + VIEWER
                        + " order by e.contract_id, e.period_start, e.sequence")
                .params(params(agb, viewer))
                .query((rs, n) -> map(rs)).list();
    }

    @Override
    public Optional<PaymentInstruction> byId(UUID id, Viewer viewer) {
        return jdbc.sql(SELECT + " where e.id = ? and" + VIEWER)
                .params(params(id, viewer))
                .query((rs, n) -> map(rs)).optional();
    }

    /** The first parameter, then the viewer's (see {@link #VIEWER}). */
    private static List<Object> params(Object first, Viewer viewer) {
        List<Object> params = new ArrayList<>();
        params.add(first);
        String uzovi = viewer.uzovi().orElse(null);
        String payee = viewer.payeeAgb().orElse(null);
        params.add(uzovi);
        params.add(uzovi);
        params.add(payee);
        params.add(payee);
        return params;
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        filter.viewer().uzovi().ifPresent(uzovi -> {
            conditions.add("e.uzovi = ?");
            params.add(uzovi);
        });
        filter.viewer().payeeAgb().ifPresent(agb -> {
            conditions.add("e.payee_agb = ?");
            params.add(agb);
        });
        if (filter.insurer() != null) {
            conditions.add("e.uzovi = ?");
            params.add(filter.insurer());
        }
        if (filter.payee() != null) {
            conditions.add("e.payee_agb = ?");
            params.add(filter.payee());
        }
        if (filter.periodStart() != null) {
            conditions.add("e.period_start = ?");
            params.add(filter.periodStart());
        }
        if (filter.status() == PaymentStatus.OPEN) {
            conditions.add("a.entry_id is null");
        } else if (filter.status() != null) {
            conditions.add("a.status = ?");
            params.add(filter.status().name());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static PaymentInstruction map(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        long amount = rs.getLong("amount_cents");
        Period period = new Period(rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class));
        return new PaymentInstruction(rs.getObject("id", UUID.class), rs.getString("entry_key"), rs.getString("kind"),
                rs.getString("corrects_entry_key"), rs.getString("contract_id"), period.start(), period.end(),
                rs.getString("uzovi"), rs.getString("payee_agb"), rs.getString("payee_party_key"),
                rs.getString("sector"), amount, Direction.of(amount).name(), rs.getInt("allocation_version"),
                rs.getLong("sequence"), rs.getString("cause"), rs.getString("booked_by"),
                rs.getTimestamp("booked_at").toInstant(),
                status == null ? PaymentInstruction.OPEN : status, rs.getString("payment_reference"),
                rs.getObject("paid_on", LocalDate.class),
                InstalmentColumns.dueDate(rs, period, PaymentTiming.valueOf(rs.getString("payment_timing"))),
                rs.getInt("service_year"), rs.getInt("booking_year"), rs.getObject("instalment_start", LocalDate.class),
                rs.getObject("instalment_end", LocalDate.class), rs.getString("vat_treatment"),
                rs.getObject("vat_rate_bp", Integer.class), rs.getObject("vat_cents", Long.class));
    }
}

package nl.bdss.allocation.counts.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.allocation.counts.application.StagedRows;
import nl.bdss.allocation.counts.domain.InsuredCountRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Streams validated rows over PostgreSQL's COPY protocol, in chunks, straight into the table that becomes the
 * delivery's partition of insured_count, so that a delivery of any size passes through a small, fixed buffer (R11 at
 * national scale). The table is created in the delivery's transaction without any index: a bad file rolls it back
 * with everything else. It also carries the line number of every row, for duplicate reports, in a column that
 * {@link JdbcDeliveryStore#store} drops before the table joins insured_count. Counts the rows per insurer on the way.
 */
final class StagingCopy implements StagedRows {

    private static final int CHUNK = 1 << 18;

    private final CopyIn copy;
    private final byte[] buffer = new byte[CHUNK + 256];
    private int buffered;
    private final Map<String, long[]> rowsPerInsurer = new HashMap<>();
    private long rows;

    private StagingCopy(CopyIn copy) {
        this.copy = copy;
    }

    /**
     * Creates the delivery's table {@code table}, shaped like a partition of insured_count plus the line numbers, and
     * opens the COPY on the transaction's connection. The CHECK on delivery_id proves the partition bound, so
     * attaching the table needs no scan of its rows.
     */
    static StagingCopy open(Connection connection, String table, UUID deliveryId) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + table + " (delivery_id uuid not null default '" + deliveryId
                    + "' constraint " + table + "_bound check (delivery_id = '" + deliveryId + "'), "
                    + "pc4 char(4) collate \"C\" not null, postcode varchar(6) collate \"C\" not null, "
                    + "uzovi char(4) collate \"C\" not null, line_no int not null, insured_count bigint not null "
                    + "constraint insured_count_not_negative check (insured_count >= 0))");
            // FREEZE: the table is new in this transaction, so its rows can be written visible and frozen at once
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (line_no, uzovi, pc4, postcode, insured_count) from stdin with (freeze)");
            return new StagingCopy(copy);
        } catch (SQLException e) {
            throw failed("opening the COPY of the delivery's rows", e);
        }
    }

    @Override
    public void add(InsuredCountRow row) {
        String uzovi = row.uzovi().code();
        String postcode = row.postcode().value();
        // one text-format COPY line, written as ASCII bytes (every field is validated digits and letters)
        number(row.line());
        ascii(uzovi, 4);
        ascii(postcode, 4);
        ascii(postcode, postcode.length());
        number(row.insuredCount());
        buffer[buffered - 1] = '\n';
        rowsPerInsurer.computeIfAbsent(uzovi, u -> new long[1])[0]++;
        rows++;
        if (buffered >= CHUNK) {
            flush();
        }
    }

    private void ascii(String value, int length) {
        for (int i = 0; i < length; i++) {
            buffer[buffered++] = (byte) value.charAt(i);
        }
        buffer[buffered++] = '\t';
    }

    private void number(long value) {
        if (value == 0) {
            buffer[buffered++] = '0';
        } else {
            int start = buffered;
            for (long rest = value; rest > 0; rest /= 10) {
                buffer[buffered++] = (byte) ('0' + rest % 10);
            }
            for (int i = start, j = buffered - 1; i < j; i++, j--) {
                byte digit = buffer[i];
                buffer[i] = buffer[j];
                buffer[j] = digit;
            }
        }
        buffer[buffered++] = '\t';
    }

    @Override
    public void finish() {
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw failed("ending the COPY of the delivery's rows", e);
        }
    }

    /** Cancels the COPY; the transaction rolls back the table with everything else. */
    @Override
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction rolls back anyway
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Map<String, Long> rowsPerInsurer() {
        Map<String, Long> counts = new TreeMap<>();
        rowsPerInsurer.forEach((uzovi, n) -> counts.put(uzovi, n[0]));
        return counts;
    }

    private void flush() {
        if (buffered > 0) {
            try {
                copy.writeToCopy(buffer, 0, buffered);
            } catch (SQLException e) {
                throw failed("writing the delivery's rows", e);
            }
            buffered = 0;
        }
    }

    private static UncategorizedSQLException failed(String task, SQLException e) {
        return new UncategorizedSQLException(task, null, e);
    }
}

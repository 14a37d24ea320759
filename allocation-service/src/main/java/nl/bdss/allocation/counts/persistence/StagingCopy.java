package nl.bdss.allocation.counts.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import nl.bdss.allocation.counts.domain.InsuredCountRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams validated rows into a transaction-local staging table over PostgreSQL's COPY protocol, in chunks, so
 * that a delivery of any size passes through a small, fixed buffer (R11 at national scale).
 */
public final class StagingCopy {

    private static final int CHUNK = 1 << 18;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 128);
    private final StringBuilder line = new StringBuilder(64);
    private long rows;

    private StagingCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Creates the staging table (dropped at commit or rollback) and opens the COPY on the transaction's connection. */
    public static StagingCopy open(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table staging_count (line_no bigint not null, uzovi char(4) not null, "
                    + "postcode varchar(6) not null, insured_count bigint not null) on commit drop");
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy staging_count (line_no, uzovi, postcode, insured_count) from stdin");
        return new StagingCopy(copy);
    }

    public void add(InsuredCountRow row) throws SQLException {
        line.setLength(0);
        line.append(row.line()).append('\t').append(row.uzovi().code()).append('\t')
                .append(row.postcode().value()).append('\t').append(row.insuredCount()).append('\n');
        buffer.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
        rows++;
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    /** Ends the COPY; returns the number of rows the server stored. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** Gives up the COPY (a bad file): nothing of it stays. */
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction rolls back anyway
        }
    }

    public long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }
}

package nl.bdss.settlement.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;

/**
 * Reads a settlement entry's instalment ({@code instalment_start}, {@code instalment_end}; both null for an entry of
 * a whole period) and its due date, the one way every reader of {@code settlement_entry} does.
 */
public final class InstalmentColumns {

    private InstalmentColumns() {
    }

    /** The entry's instalment, or null for a whole period. */
    public static Period of(ResultSet rs) throws SQLException {
        LocalDate start = rs.getObject("instalment_start", LocalDate.class);
        return start == null ? null : new Period(start, rs.getObject("instalment_end", LocalDate.class));
    }

    /** The first day the entry may be paid (R8): its instalment's due date, else its period's. */
    public static LocalDate dueDate(ResultSet rs, Period period, PaymentTiming timing) throws SQLException {
        Period instalment = of(rs);
        return (instalment == null ? period : instalment).dueDate(timing);
    }
}

package nl.bdss.settlement.paymentruns.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** PostgreSQL array literals for {@code cast(? as ...[])} parameters, and uuid arrays read back. */
final class Arrays {

    private Arrays() {
    }

    /** Elements are UUIDs or codes of digits: nothing to quote. */
    static String literal(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static List<UUID> uuids(Array array) throws SQLException {
        return List.of((UUID[]) array.getArray());
    }
}

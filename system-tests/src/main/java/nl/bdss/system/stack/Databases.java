package nl.bdss.system.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only SQL on the services' databases, straight over JDBC (never through the services). */
public final class Databases {

    /** Maps the current row of a result set. */
    public interface Row<T> {
        public T map(ResultSet row) throws SQLException;
    }

    private final Stack stack;

    public Databases(Stack stack) {
        this.stack = stack;
    }

    public <T> List<T> query(String database, String sql, Row<T> mapper, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), Stack.DB_USER,
                Stack.DB_PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public long number(String database, String sql, Object... parameters) {
        return query(database, sql, row -> row.getLong(1), parameters).get(0);
    }
}

package nl.bdss.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    @TempDir
    Path dataDirectory;

    @Test
    void createsTheServiceDatabases_andKeepsCommittedRowsAcrossARestart() throws Exception {
        int port = FreePorts.next();
        PostgresServer first = PostgresServer.start(port, dataDirectory);
        long firstPostmaster = first.postmasterPid().orElseThrow();
        try (first;
             Connection connection = connectAsServiceRole(first, "settlement");
             Statement statement = connection.createStatement()) {
            assertThat(databasesOwnedBy(connection, PostgresServer.USER))
                    .containsExactlyInAnyOrder("contract", "allocation", "settlement", "reporting");
            statement.execute("CREATE TABLE ledger (amount_cents bigint NOT NULL)");
            statement.execute("INSERT INTO ledger VALUES (2100000)");
        }
        assertThat(ProcessHandle.of(firstPostmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("postmaster stopped on close").isFalse();

        try (PostgresServer second = PostgresServer.start(port, dataDirectory);
             Connection connection = connectAsServiceRole(second, "settlement");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT amount_cents FROM ledger")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(2_100_000L);
            assertThat(databasesOwnedBy(connection, PostgresServer.USER)).hasSize(4);
        }
    }

    private static Connection connectAsServiceRole(PostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private static List<String> databasesOwnedBy(Connection connection, String role) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT datname FROM pg_database WHERE pg_get_userbyid(datdba) = '" + role + "'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}

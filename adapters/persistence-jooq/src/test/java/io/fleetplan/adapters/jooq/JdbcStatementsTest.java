package io.fleetplan.adapters.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statements {@link Jdbc} runs stay open on the pooled connection, across the transactions
 * that borrow it, and are used again; a connection that replaces a closed one prepares its own.
 */
class JdbcStatementsTest {
    private static final String INSERT = "INSERT INTO item (id, name) VALUES (?, ?)";
    private static final String LOCK = "SELECT id FROM item WHERE id = ? FOR UPDATE";

    @TempDir
    Path dir;
    private HikariDataSource pool;

    @BeforeEach
    void open() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DatabaseStores.h2Url(dir));
        config.setAutoCommit(false);
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL)");
            c.commit();
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStatementIsPreparedOnceAndUsedAgainByTheNextTransactionOnTheConnection() throws SQLException {
        PreparedStatement first;
        try (Connection c = pool.getConnection()) {
            first = Jdbc.prepared(c, LOCK);
            Jdbc.update(c, INSERT, 1, "one");
            c.commit();
        }
        try (Connection c = pool.getConnection()) {
            assertThat(Jdbc.prepared(c, LOCK)).isSameAs(first);
            assertThat(Jdbc.single(c, LOCK, 1)).isEqualTo(1L);
            assertThat(Jdbc.update(c, INSERT, 2, "two")).isEqualTo(1);
            c.commit();
        }
        assertThat(names()).containsExactly("one", "two");
    }

    @Test
    void aConnectionThePoolReplacedGetsStatementsOfItsOwn() throws SQLException {
        PreparedStatement first;
        try (Connection c = pool.getConnection()) {
            first = Jdbc.prepared(c, INSERT);
            Jdbc.update(c, INSERT, 1, "one");
            c.commit();
            pool.evictConnection(c);
        }
        try (Connection c = pool.getConnection()) {
            assertThat(Jdbc.prepared(c, INSERT)).isNotSameAs(first);
            Jdbc.update(c, INSERT, 2, "two");
            c.commit();
        }
        assertThat(names()).containsExactly("one", "two");
    }

    @Test
    void aFailedBatchLeavesNothingInTheStatementForTheNextOne() throws SQLException {
        try (Connection c = pool.getConnection()) {
            assertThatThrownBy(() -> Jdbc.batch(c, INSERT, List.of(new Object[] {1, "one"}, new Object[] {1, "again"})))
                    .isInstanceOf(DataAccessException.class);
            c.rollback();
            assertThat(Jdbc.batch(c, INSERT, List.<Object[]>of(new Object[] {2, "two"}))).containsExactly(1);
            c.commit();
        }
        assertThat(names()).containsExactly("two");
    }

    private List<String> names() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT name FROM item ORDER BY id")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            c.commit();
            return names;
        }
    }
}

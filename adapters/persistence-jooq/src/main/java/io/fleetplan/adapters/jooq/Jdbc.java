package io.fleetplan.adapters.jooq;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JDBC for the few statements every admission runs, with their SQL rendered once by jOOQ
 * ({@link Transactions#render}). For statements this small, jOOQ's work on every execution (its
 * execute context and listeners, converting each bind value) costs more than the database's own;
 * the SQL still comes from the generated schema, and a failure still comes out as jOOQ's
 * {@link DataAccessException}, like every other statement's.
 *
 * <p>Their prepared statements stay open on the database connection, across the transactions that
 * borrow it from the pool, and are used again: H2 parses a {@code SELECT ... FOR UPDATE} again at
 * every {@code prepareStatement} (its query cache leaves locking queries out), and the pool lock is
 * in every admission. A statement belongs to one connection, and a connection to one transaction at
 * a time, so only the thread that holds the connection uses its statements. They run on the
 * physical connection, past the pool's proxy, which therefore does not see them: that is sound
 * because {@link Transactions} ends every transaction with an explicit commit or rollback. A
 * closed connection's entry is dropped when a new connection first prepares a statement.
 */
final class Jdbc {
    /** The open statements of each physical connection, by SQL; connections found closed are dropped. */
    private static final Map<Connection, Map<String, PreparedStatement>> STATEMENTS = new IdentityHashMap<>();

    private Jdbc() {
    }

    /** The open statement for {@code sql} on the physical connection under {@code connection}. */
    static PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        Map<String, PreparedStatement> statements;
        synchronized (STATEMENTS) {
            statements = STATEMENTS.get(physical);
            if (statements == null) {
                STATEMENTS.keySet().removeIf(Jdbc::isClosed);
                statements = new HashMap<>();
                STATEMENTS.put(physical, statements);
            }
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    static int update(Connection connection, String sql, Object... values) {
        try {
            PreparedStatement statement = prepared(connection, sql);
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs one statement for each row of bind values, as one batch; returns the rows each changed. */
    static int[] batch(Connection connection, String sql, List<Object[]> rows) {
        try {
            PreparedStatement statement = prepared(connection, sql);
            statement.clearBatch();
            for (Object[] values : rows) {
                bind(statement, values);
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs a statement that returns one row of one number (an UPDATE ... RETURNING, a count). */
    static long single(Connection connection, String sql, Object... values) {
        try {
            PreparedStatement statement = prepared(connection, sql);
            bind(statement, values);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new DataAccessException("no row from " + sql);
                }
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * Runs a query for at most one row with the columns of {@code table} in its order (a SELECT of
     * the table's fields, as jOOQ renders {@code selectFrom}); the row as the table's record.
     */
    static <R extends Record> Optional<R> row(Connection connection, String sql, Table<R> table, Object... values) {
        try {
            PreparedStatement statement = prepared(connection, sql);
            bind(statement, values);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                R row = table.newRecord();
                Field<?>[] fields = table.fields();
                for (int i = 0; i < fields.length; i++) {
                    set(row, fields[i], result.getObject(i + 1, fields[i].getType()));
                }
                row.changed(false);
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record row, Field<T> field, Object value) {
        row.set(field, (T) value);
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private static DataAccessException failed(String sql, SQLException e) {
        return new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
    }
}

package io.fleetplan.adapters.jooq;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC for the few statements every admission runs, with their SQL rendered once by jOOQ
 * ({@link Transactions#render}). For statements this small, jOOQ's work on every execution (its
 * execute context and listeners, converting each bind value) costs more than the database's own;
 * the SQL still comes from the generated schema, and a failure still comes out as jOOQ's
 * {@link DataAccessException}, like every other statement's.
 */
final class Jdbc {
    private Jdbc() {
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    static int update(Connection connection, String sql, Object... values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs one statement for each row of bind values, as one batch; returns the rows each changed. */
    static int[] batch(Connection connection, String sql, List<Object[]> rows) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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

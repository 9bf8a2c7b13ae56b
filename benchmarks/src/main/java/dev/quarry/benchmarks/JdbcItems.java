package dev.quarry.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The hand-written JDBC baseline: what a careful developer writes without an ORM. Columns are read and bound by
 * index (the practical limit of JDBC speed), statements are prepared per call on a pooled connection, as Quarry
 * does. The SQL is the text Quarry renders, so both sides ask H2 exactly the same thing.
 */
final class JdbcItems {
    static final String COLUMNS = "\"item\".\"id\", \"item\".\"name\", \"item\".\"quantity\", \"item\".\"price\", "
            + "\"item\".\"created\", \"item\".\"active\", \"item\".\"status\", \"item\".\"rating\"";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM \"item\" WHERE \"item\".\"id\" = ?"
            + " FETCH FIRST 21 ROWS ONLY";
    static final String SELECT_FIRST_1000 = "SELECT " + COLUMNS + " FROM \"item\" FETCH FIRST 1000 ROWS ONLY";
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM \"item\"";
    static final String SELECT_FILTERED = "SELECT " + COLUMNS + " FROM \"item\""
            + " WHERE (\"item\".\"active\" = ? AND \"item\".\"quantity\" >= ?)"
            + " ORDER BY \"item\".\"price\" DESC FETCH FIRST 50 ROWS ONLY";
    static final String INSERT = "INSERT INTO \"item\" (\"name\", \"quantity\", \"price\", \"created\", \"active\", "
            + "\"status\", \"rating\") VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    JdbcItems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Item get(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(SELECT_BY_ID)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                Item item = rs.next() ? read(rs) : null;
                if (item == null || rs.next()) {
                    throw new IllegalStateException("expected exactly one item with id " + id);
                }
                return item;
            }
        }
    }

    List<Item> first1000() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(SELECT_FIRST_1000)) {
            return readAll(ps);
        }
    }

    List<Item> all() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(SELECT_ALL)) {
            return readAll(ps);
        }
    }

    List<Item> activeWithQuantityAtLeast(int quantity) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(SELECT_FILTERED)) {
            ps.setBoolean(1, true);
            ps.setInt(2, quantity);
            return readAll(ps);
        }
    }

    private static List<Item> readAll(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Item> items = new ArrayList<>();
            while (rs.next()) {
                items.add(read(rs));
            }
            return items;
        }
    }

    private static Item read(ResultSet rs) throws SQLException {
        Item item = new Item();
        item.id = rs.getLong(1);
        item.name = rs.getString(2);
        item.quantity = rs.getInt(3);
        item.price = rs.getBigDecimal(4);
        item.created = rs.getObject(5, LocalDate.class);
        item.active = rs.getBoolean(6);
        item.status = ItemStatus.valueOf(rs.getString(7));
        // getDouble returns 0 for NULL: only then is wasNull worth a call.
        double rating = rs.getDouble(8);
        item.rating = rating == 0 && rs.wasNull() ? null : rating;
        return item;
    }

    /**
     * Inserts the items with JDBC batches in one transaction and sets their generated keys: the same work as
     * Quarry's {@code bulkCreate}.
     */
    void insertAll(List<Item> items, int batchSize) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(INSERT, new String[] {"id"})) {
                for (int done = 0; done < items.size(); done += batchSize) {
                    int end = Math.min(items.size(), done + batchSize);
                    for (int i = done; i < end; i++) {
                        bind(ps, items.get(i));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        for (int i = done; i < end; i++) {
                            if (!keys.next()) {
                                throw new IllegalStateException("fewer generated keys than rows");
                            }
                            items.get(i).id = keys.getLong(1);
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void bind(PreparedStatement ps, Item item) throws SQLException {
        ps.setString(1, item.name);
        ps.setInt(2, item.quantity);
        ps.setBigDecimal(3, item.price);
        ps.setObject(4, item.created);
        ps.setBoolean(5, item.active);
        ps.setString(6, item.status.name());
        if (item.rating == null) {
            ps.setNull(7, Types.DOUBLE);
        } else {
            ps.setDouble(7, item.rating);
        }
    }

    /** Empties the table (between insert iterations). */
    void truncate() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE \"item\"");
        }
    }
}

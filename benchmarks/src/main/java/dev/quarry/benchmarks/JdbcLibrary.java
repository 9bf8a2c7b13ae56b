package dev.quarry.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The hand-written JDBC baseline of {@link RelationBenchmark}: books with their authors (and the authors'
 * publishers) read into the same model objects as Quarry builds, in the same shape. Columns are read by index, the
 * SQL is the text Quarry renders (the benchmark's setup checks both), and the relations are linked through the
 * models' public {@code Ref} methods, leaving each {@code Ref} in the state Quarry leaves it in: key set, object
 * loaded.
 */
final class JdbcLibrary {
    static final String BOOK_COLUMNS = "\"bench_book\".\"id\", \"bench_book\".\"title\", \"bench_book\".\"price\", "
            + "\"bench_book\".\"pages\", \"bench_book\".\"published\", \"bench_book\".\"author_id\"";
    static final String AUTHOR_COLUMNS = "\"bench_author\".\"id\", \"bench_author\".\"name\", "
            + "\"bench_author\".\"email\", \"bench_author\".\"born\", \"bench_author\".\"publisher_id\"";
    static final String PUBLISHER_COLUMNS = "\"bench_publisher\".\"id\", \"bench_publisher\".\"name\", "
            + "\"bench_publisher\".\"country\", \"bench_publisher\".\"founded\", \"bench_publisher\".\"active\"";
    static final String SELECT_BOOKS_WITH_AUTHOR_AND_PUBLISHER = "SELECT " + BOOK_COLUMNS + ", " + AUTHOR_COLUMNS
            + ", " + PUBLISHER_COLUMNS + " FROM \"bench_book\""
            + " INNER JOIN \"bench_author\" ON \"bench_author\".\"id\" = \"bench_book\".\"author_id\""
            + " INNER JOIN \"bench_publisher\" ON \"bench_publisher\".\"id\" = \"bench_author\".\"publisher_id\"";
    static final String SELECT_BOOKS = "SELECT " + BOOK_COLUMNS + " FROM \"bench_book\"";
    static final String SELECT_AUTHORS_BY_ID = "SELECT " + AUTHOR_COLUMNS + " FROM \"bench_author\""
            + " WHERE \"bench_author\".\"id\" IN (";

    private final DataSource dataSource;

    JdbcLibrary(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * selectRelated: one query with two INNER JOINs; every row gives a new book, a new author and a new publisher
     * (no de-duplication: 1,000 books by 100 authors make 1,000 author objects, as Quarry's selectRelated does).
     */
    List<BenchBook> booksWithAuthorAndPublisher() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(SELECT_BOOKS_WITH_AUTHOR_AND_PUBLISHER);
                ResultSet rs = ps.executeQuery()) {
            List<BenchBook> books = new ArrayList<>();
            while (rs.next()) {
                BenchBook book = readBook(rs);
                BenchAuthor author = readAuthor(rs, 6);
                BenchPublisher publisher = readPublisher(rs, 11);
                author.publisher.setLoaded(publisher);
                book.author.setLoaded(author);
                books.add(book);
            }
            return books;
        }
    }

    /**
     * prefetchRelated: the books, then their authors with one {@code WHERE id IN (...)} query over the distinct
     * author keys (in first-seen order, as Quarry binds them), linked to the books through a map by key. Both
     * statements run on one pooled connection.
     */
    List<BenchBook> booksThenAuthors() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<BenchBook> books = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(SELECT_BOOKS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    books.add(readBook(rs));
                }
            }
            if (books.isEmpty()) {
                return books;
            }
            Set<Long> keys = new LinkedHashSet<>();
            for (BenchBook book : books) {
                keys.add(book.author.<Long>id());
            }
            Map<Long, BenchAuthor> authors = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(authorsByIdSql(keys.size()))) {
                int index = 0;
                for (Long key : keys) {
                    ps.setLong(++index, key);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BenchAuthor author = readAuthor(rs, 0);
                        authors.put(author.id, author);
                    }
                }
            }
            for (BenchBook book : books) {
                book.author.setLoaded(authors.get(book.author.<Long>id()));
            }
            return books;
        }
    }

    /** {@code SELECT ... WHERE id IN (?, ?, ...)} with {@code count} placeholders, built per call. */
    static String authorsByIdSql(int count) {
        StringBuilder sql = new StringBuilder(SELECT_AUTHORS_BY_ID.length() + 3 * count + 1).append(SELECT_AUTHORS_BY_ID);
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    private static BenchBook readBook(ResultSet rs) throws SQLException {
        BenchBook book = new BenchBook();
        book.id = rs.getLong(1);
        book.title = rs.getString(2);
        book.price = rs.getBigDecimal(3);
        book.pages = rs.getInt(4);
        book.published = rs.getObject(5, LocalDate.class);
        book.author.setIdFromRow(rs.getLong(6), "BenchBook.author");
        return book;
    }

    /** An author from the five columns after {@code offset}. */
    private static BenchAuthor readAuthor(ResultSet rs, int offset) throws SQLException {
        BenchAuthor author = new BenchAuthor();
        author.id = rs.getLong(offset + 1);
        author.name = rs.getString(offset + 2);
        author.email = rs.getString(offset + 3);
        author.born = rs.getObject(offset + 4, LocalDate.class);
        author.publisher.setIdFromRow(rs.getLong(offset + 5), "BenchAuthor.publisher");
        return author;
    }

    /** A publisher from the five columns after {@code offset}. */
    private static BenchPublisher readPublisher(ResultSet rs, int offset) throws SQLException {
        BenchPublisher publisher = new BenchPublisher();
        publisher.id = rs.getLong(offset + 1);
        publisher.name = rs.getString(offset + 2);
        publisher.country = rs.getString(offset + 3);
        publisher.founded = rs.getInt(offset + 4);
        publisher.active = rs.getBoolean(offset + 5);
        return publisher;
    }
}

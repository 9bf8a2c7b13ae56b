package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.DatabaseException;
import dev.quarry.it.model.AllTypes;
import dev.quarry.it.model.AllTypes.Color;
import dev.quarry.it.model.AllTypesQuery;
import dev.quarry.query.Condition;
import dev.quarry.query.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every column type written and read back unchanged (or changed exactly as documented). */
class TypeRoundTripTest extends DatabaseTest {

    private AllTypes reload(AllTypes row) {
        return AllTypesQuery.objects(db).get(AllTypesQuery.id().eq(row.id));
    }

    private static AllTypes everyFieldSet() {
        AllTypes row = Fixtures.allTypes();
        row.flag = true;
        row.flagOrNull = false;
        row.smallValue = Short.MAX_VALUE;
        row.smallOrNull = Short.MIN_VALUE;
        row.intValue = Integer.MIN_VALUE;
        row.intOrNull = Integer.MAX_VALUE;
        row.boxedInt = -1;
        row.longValue = Long.MAX_VALUE;
        row.longOrNull = Long.MIN_VALUE;
        row.floatValue = 3.1415927f;
        row.floatOrNull = -0.1f;
        row.doubleValue = 0.1 + 0.2;
        row.doubleOrNull = -1.0e300;
        row.decimalValue = new BigDecimal("12345678901234567890.1234567890");
        row.decimalOrNull = new BigDecimal("-12345678.9999");
        row.varcharValue = "x".repeat(100);
        row.shortVarchar = "漢字かな카타😀é"; // 8 code points, 9 UTF-16 chars
        row.textValue = "long ".repeat(20_000) + "end";
        row.textOrNull = "multi\nline\ttext with 'quotes' and \"double\" and \\ and ; -- and %_";
        row.date = LocalDate.of(1582, 10, 10); // missing from the Julian/Gregorian calendar of java.sql.Date
        row.dateOrNull = LocalDate.of(9999, 12, 31);
        row.time = LocalTime.of(23, 59, 59, 123_456_000);
        row.timeOrNull = LocalTime.MIDNIGHT;
        row.dateTime = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000);
        row.dateTimeOrNull = LocalDateTime.of(1970, 1, 1, 0, 0);
        row.instant = Instant.parse("2024-06-30T22:59:59.654321Z");
        row.instantOrNull = Instant.EPOCH;
        row.offsetDateTime = OffsetDateTime.of(2024, 7, 1, 4, 29, 59, 0, ZoneOffset.ofHoursMinutes(5, 30));
        row.offsetDateTimeOrNull = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-8));
        row.uuid = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        row.uuidOrNull = new UUID(0, 0);
        row.bytes = new byte[] {0, -1, 127, -128, 42};
        row.bytesOrNull = "bytes".getBytes(StandardCharsets.UTF_8);
        row.color = Color.BLUE;
        row.colorOrNull = Color.GREEN;
        return row;
    }

    private static void assertSameValues(AllTypes expected, AllTypes actual) {
        assertEquals(expected.id, actual.id);
        assertEquals(expected.flag, actual.flag, "flag");
        assertEquals(expected.flagOrNull, actual.flagOrNull, "flagOrNull");
        assertEquals(expected.smallValue, actual.smallValue, "smallValue");
        assertEquals(expected.smallOrNull, actual.smallOrNull, "smallOrNull");
        assertEquals(expected.intValue, actual.intValue, "intValue");
        assertEquals(expected.intOrNull, actual.intOrNull, "intOrNull");
        assertEquals(expected.boxedInt, actual.boxedInt, "boxedInt");
        assertEquals(expected.longValue, actual.longValue, "longValue");
        assertEquals(expected.longOrNull, actual.longOrNull, "longOrNull");
        assertEquals(expected.floatValue, actual.floatValue, "floatValue");
        assertEquals(expected.floatOrNull, actual.floatOrNull, "floatOrNull");
        assertEquals(expected.doubleValue, actual.doubleValue, "doubleValue");
        assertEquals(expected.doubleOrNull, actual.doubleOrNull, "doubleOrNull");
        assertEquals(expected.decimalValue, actual.decimalValue, "decimalValue");
        assertEquals(expected.decimalOrNull, actual.decimalOrNull, "decimalOrNull");
        assertEquals(expected.varcharValue, actual.varcharValue, "varcharValue");
        assertEquals(expected.shortVarchar, actual.shortVarchar, "shortVarchar");
        assertEquals(expected.textValue, actual.textValue, "textValue");
        assertEquals(expected.textOrNull, actual.textOrNull, "textOrNull");
        assertEquals(expected.date, actual.date, "date");
        assertEquals(expected.dateOrNull, actual.dateOrNull, "dateOrNull");
        assertEquals(expected.time, actual.time, "time");
        assertEquals(expected.timeOrNull, actual.timeOrNull, "timeOrNull");
        assertEquals(expected.dateTime, actual.dateTime, "dateTime");
        assertEquals(expected.dateTimeOrNull, actual.dateTimeOrNull, "dateTimeOrNull");
        assertEquals(expected.instant, actual.instant, "instant");
        assertEquals(expected.instantOrNull, actual.instantOrNull, "instantOrNull");
        assertEquals(expected.offsetDateTime, actual.offsetDateTime, "offsetDateTime");
        assertEquals(expected.offsetDateTimeOrNull, actual.offsetDateTimeOrNull, "offsetDateTimeOrNull");
        assertEquals(expected.uuid, actual.uuid, "uuid");
        assertEquals(expected.uuidOrNull, actual.uuidOrNull, "uuidOrNull");
        assertArrayEquals(expected.bytes, actual.bytes, "bytes");
        assertArrayEquals(expected.bytesOrNull, actual.bytesOrNull, "bytesOrNull");
        assertEquals(expected.color, actual.color, "color");
        assertEquals(expected.colorOrNull, actual.colorOrNull, "colorOrNull");
    }

    /** What the database gives back for what was written: OffsetDateTime at UTC, the same instant. */
    private static AllTypes asStored(AllTypes written) {
        AllTypes expected = everyFieldSet();
        expected.id = written.id;
        expected.offsetDateTime = written.offsetDateTime.withOffsetSameInstant(ZoneOffset.UTC);
        expected.offsetDateTimeOrNull = written.offsetDateTimeOrNull.withOffsetSameInstant(ZoneOffset.UTC);
        return expected;
    }

    @Test
    void everyTypeRoundTrips() {
        AllTypes row = db.save(everyFieldSet());
        AllTypes read = reload(row);
        assertSameValues(asStored(row), read);
        assertEquals(ZoneOffset.UTC, read.offsetDateTime.getOffset());
        assertEquals(row.offsetDateTime.toInstant(), read.offsetDateTime.toInstant());
        assertEquals(OffsetDateTime.parse("2024-06-30T22:59:59Z"), read.offsetDateTime);
        assertEquals(OffsetDateTime.parse("2024-01-01T08:00:00Z"), read.offsetDateTimeOrNull);
    }

    @Test
    void everyTypeRoundTripsThroughUpdateAndBulkCreate() {
        AllTypes row = db.save(Fixtures.allTypes());
        AllTypes changed = everyFieldSet();
        changed.id = row.id;
        db.save(changed);
        assertSameValues(asStored(changed), reload(row));

        AllTypes bulk = everyFieldSet();
        AllTypesQuery.objects(db).bulkCreate(List.of(bulk, Fixtures.allTypes()));
        assertSameValues(asStored(bulk), reload(bulk));
    }

    @Test
    void nullableColumnsRoundTripNull() {
        AllTypes row = db.save(Fixtures.allTypes());
        AllTypes read = reload(row);
        assertNull(read.flagOrNull);
        assertNull(read.smallOrNull);
        assertNull(read.intOrNull);
        assertNull(read.longOrNull);
        assertNull(read.floatOrNull);
        assertNull(read.doubleOrNull);
        assertNull(read.decimalOrNull);
        assertNull(read.shortVarchar);
        assertNull(read.textOrNull);
        assertNull(read.dateOrNull);
        assertNull(read.timeOrNull);
        assertNull(read.dateTimeOrNull);
        assertNull(read.instantOrNull);
        assertNull(read.offsetDateTimeOrNull);
        assertNull(read.uuidOrNull);
        assertNull(read.bytesOrNull);
        assertNull(read.colorOrNull);

        // and back to null after holding values
        AllTypes full = db.save(everyFieldSet());
        AllTypes cleared = Fixtures.allTypes();
        cleared.id = full.id;
        db.save(cleared);
        AllTypes readCleared = reload(full);
        assertNull(readCleared.flagOrNull);
        assertNull(readCleared.decimalOrNull);
        assertNull(readCleared.bytesOrNull);
        assertNull(readCleared.offsetDateTimeOrNull);
        assertNull(readCleared.colorOrNull);
    }

    @Test
    void zeroFalseAndEmptyValuesAreNotNull() {
        AllTypes row = Fixtures.allTypes();
        row.flag = false;
        row.flagOrNull = false;
        row.intOrNull = 0;
        row.longOrNull = 0L;
        row.smallOrNull = 0;
        row.doubleOrNull = 0.0;
        row.floatOrNull = 0f;
        row.decimalOrNull = new BigDecimal("0.0000");
        row.varcharValue = "";
        row.bytes = new byte[0];
        row.bytesOrNull = new byte[0];
        db.save(row);
        AllTypes read = reload(row);
        assertFalse(read.flag);
        assertEquals(Boolean.FALSE, read.flagOrNull);
        assertEquals(0, read.intOrNull);
        assertEquals(0L, read.longOrNull);
        assertEquals((short) 0, read.smallOrNull);
        assertEquals(0.0, read.doubleOrNull);
        assertEquals(0f, read.floatOrNull);
        assertEquals(new BigDecimal("0.0000"), read.decimalOrNull);
        assertEquals("", read.varcharValue);
        assertArrayEquals(new byte[0], read.bytes);
        assertArrayEquals(new byte[0], read.bytesOrNull);
    }

    @Test
    void maxLengthStringsFitAndLongerOnesAreRefused() {
        AllTypes row = Fixtures.allTypes();
        row.varcharValue = "é".repeat(100);
        row.shortVarchar = "漢字漢字漢字漢字漢字";
        db.save(row);
        assertEquals("é".repeat(100), reload(row).varcharValue);
        assertEquals("漢字漢字漢字漢字漢字", reload(row).shortVarchar);

        AllTypes tooLong = Fixtures.allTypes();
        tooLong.varcharValue = "x".repeat(101);
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.save(tooLong));
        assertTrue(e.getMessage().contains("Statement failed"), e.getMessage());
        assertEquals(1, AllTypesQuery.objects(db).count());
    }

    @Test
    void unicodeTextRoundTripsAndCanBeSearched() {
        AllTypes row = Fixtures.allTypes();
        row.varcharValue = "Ελληνικά · 中文 · 日本語 · 한국어 · emoji 🎉👩‍💻 · RTL עברית";
        row.textValue = "🚀".repeat(5000);
        db.save(row);
        AllTypes read = reload(row);
        assertEquals(row.varcharValue, read.varcharValue);
        assertEquals(row.textValue, read.textValue);
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.varcharValue().contains("中文")).count());
        // SQLite folds the case of ASCII letters only (documented in docs/databases.md).
        assertEquals(on(TestBackend.SQLITE) ? 0 : 1,
                AllTypesQuery.objects(db).filter(AllTypesQuery.varcharValue().icontains("ΕΛΛΗΝΙΚΆ")).count());
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.varcharValue().icontains("EMOJI")).count());
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.varcharValue().contains("🎉👩‍💻")).count());
    }

    @Test
    void bigDecimalKeepsFullPrecisionAndTheColumnScale() {
        AllTypes row = Fixtures.allTypes();
        row.decimalValue = new BigDecimal("99999999999999999999.9999999999"); // 30 digits, scale 10
        row.decimalOrNull = new BigDecimal("1.5");
        db.save(row);
        AllTypes read = reload(row);
        assertEquals(new BigDecimal("99999999999999999999.9999999999"), read.decimalValue);
        // read back at the column's scale
        assertEquals(new BigDecimal("1.5000"), read.decimalOrNull);
        assertEquals(1, AllTypesQuery.objects(db)
                .filter(AllTypesQuery.decimalValue().eq(new BigDecimal("99999999999999999999.9999999999"))).count());
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.decimalOrNull().eq(new BigDecimal("1.5")))
                .count());
    }

    @Test
    void fractionalSecondsAreTruncatedToMicroseconds() {
        AllTypes row = Fixtures.allTypes();
        row.dateTime = LocalDateTime.of(2024, 3, 10, 10, 15, 30, 123_456_789);
        row.time = LocalTime.of(10, 15, 30, 999_999_999);
        row.instant = Instant.parse("2024-03-10T10:15:30.987654621Z");
        row.offsetDateTime = OffsetDateTime.of(2024, 3, 10, 10, 15, 30, 555_555_555, ZoneOffset.ofHours(3));
        db.save(row);
        AllTypes read = reload(row);
        assertEquals(LocalDateTime.of(2024, 3, 10, 10, 15, 30, 123_456_000), read.dateTime);
        assertEquals(LocalTime.of(10, 15, 30, 999_999_000), read.time);
        assertEquals(Instant.parse("2024-03-10T10:15:30.987654Z"), read.instant);
        assertEquals(OffsetDateTime.of(2024, 3, 10, 7, 15, 30, 555_555_000, ZoneOffset.UTC), read.offsetDateTime);
    }

    @Test
    void instantsAndOffsetDateTimesKeepTheirInstant() {
        AllTypes row = Fixtures.allTypes();
        OffsetDateTime tokyo = OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9));
        OffsetDateTime newYork = OffsetDateTime.of(2023, 12, 31, 19, 0, 0, 0, ZoneOffset.ofHours(-5));
        row.offsetDateTime = tokyo;
        row.offsetDateTimeOrNull = newYork;
        row.instant = tokyo.toInstant();
        db.save(row);
        AllTypes read = reload(row);
        assertEquals(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), read.offsetDateTime);
        assertEquals(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), read.offsetDateTimeOrNull);
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), read.instant);
        // the same instant matches whatever offset it is written in
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.offsetDateTime().eq(newYork)).count());
        assertEquals(1, AllTypesQuery.objects(db)
                .filter(AllTypesQuery.offsetDateTime().eq(AllTypesQuery.offsetDateTimeOrNull())).count());
        assertEquals(1, AllTypesQuery.objects(db).filter(AllTypesQuery.instant().eq(tokyo.toInstant())).count());
    }

    @Test
    void everyTypeWorksAsALookupParameter() {
        AllTypes row = db.save(everyFieldSet());
        AllTypes other = db.save(Fixtures.allTypes());
        List<Condition<AllTypes>> conditions = List.of(
                AllTypesQuery.flagOrNull().eq(false),
                AllTypesQuery.smallValue().eq(Short.MAX_VALUE),
                AllTypesQuery.smallOrNull().eq(Short.MIN_VALUE),
                AllTypesQuery.intValue().eq(Integer.MIN_VALUE),
                AllTypesQuery.intOrNull().eq(Integer.MAX_VALUE),
                AllTypesQuery.boxedInt().eq(-1),
                AllTypesQuery.longValue().eq(Long.MAX_VALUE),
                AllTypesQuery.longOrNull().eq(Long.MIN_VALUE),
                AllTypesQuery.floatValue().eq(3.1415927f),
                AllTypesQuery.floatOrNull().eq(-0.1f),
                AllTypesQuery.doubleValue().eq(0.1 + 0.2),
                AllTypesQuery.doubleOrNull().eq(-1.0e300),
                AllTypesQuery.decimalValue().eq(new BigDecimal("12345678901234567890.123456789")),
                AllTypesQuery.decimalOrNull().lt(BigDecimal.ZERO),
                AllTypesQuery.varcharValue().eq("x".repeat(100)),
                AllTypesQuery.shortVarchar().eq("漢字かな카타😀é"),
                AllTypesQuery.textValue().endsWith("long end"),
                AllTypesQuery.textOrNull().contains("'quotes'"),
                AllTypesQuery.date().eq(LocalDate.of(1582, 10, 10)),
                AllTypesQuery.dateOrNull().eq(LocalDate.of(9999, 12, 31)),
                AllTypesQuery.time().eq(LocalTime.of(23, 59, 59, 123_456_000)),
                AllTypesQuery.timeOrNull().eq(LocalTime.MIDNIGHT),
                AllTypesQuery.dateTime().eq(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000)),
                AllTypesQuery.dateTimeOrNull().lt(LocalDateTime.of(1970, 1, 1, 0, 0, 1)),
                AllTypesQuery.instant().eq(Instant.parse("2024-06-30T22:59:59.654321Z")),
                AllTypesQuery.instantOrNull().eq(Instant.EPOCH),
                AllTypesQuery.offsetDateTime().eq(OffsetDateTime.parse("2024-06-30T22:59:59Z")),
                AllTypesQuery.uuid().eq(UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479")),
                AllTypesQuery.uuidOrNull().in(new UUID(0, 0), UUID.randomUUID()),
                AllTypesQuery.bytes().eq(new byte[] {0, -1, 127, -128, 42}),
                AllTypesQuery.color().eq(Color.BLUE),
                AllTypesQuery.colorOrNull().in(Color.GREEN, Color.RED));
        for (Condition<AllTypes> condition : conditions) {
            List<Long> ids = AllTypesQuery.objects(db).filter(condition).valuesList(AllTypesQuery.id()).list();
            assertEquals(List.of(row.id), ids, AllTypesQuery.objects(db).filter(condition).toString());
        }
        assertEquals(List.of(other.id), AllTypesQuery.objects(db).filter(AllTypesQuery.flagOrNull().isNull())
                .valuesList(AllTypesQuery.id()).list());
        assertEquals(2, AllTypesQuery.objects(db).filter(AllTypesQuery.flag().isTrue()).count());
        assertEquals(0, AllTypesQuery.objects(db).filter(AllTypesQuery.flag().isFalse()).count());
    }

    @Test
    void everyTypeRoundTripsThroughProjections() {
        AllTypes row = db.save(everyFieldSet());
        Values values = AllTypesQuery.objects(db).values(
                AllTypesQuery.flag(), AllTypesQuery.flagOrNull(), AllTypesQuery.smallValue(), AllTypesQuery.smallOrNull(),
                AllTypesQuery.intValue(), AllTypesQuery.longValue(), AllTypesQuery.floatValue(),
                AllTypesQuery.doubleValue(), AllTypesQuery.decimalValue(), AllTypesQuery.varcharValue(),
                AllTypesQuery.textValue(), AllTypesQuery.date(), AllTypesQuery.time(), AllTypesQuery.dateTime(),
                AllTypesQuery.instant(), AllTypesQuery.offsetDateTime(), AllTypesQuery.uuid(), AllTypesQuery.bytes(),
                AllTypesQuery.color(), AllTypesQuery.colorOrNull(), AllTypesQuery.uuidOrNull()).first().orElseThrow();
        AllTypes expected = asStored(row);
        assertEquals(expected.flag, values.get(AllTypesQuery.flag()));
        assertEquals(expected.flagOrNull, values.get(AllTypesQuery.flagOrNull()));
        assertEquals(expected.smallValue, values.get(AllTypesQuery.smallValue()));
        assertEquals(expected.smallOrNull, values.get(AllTypesQuery.smallOrNull()));
        assertEquals(expected.intValue, values.get(AllTypesQuery.intValue()));
        assertEquals(expected.longValue, values.get(AllTypesQuery.longValue()));
        assertEquals(expected.floatValue, values.get(AllTypesQuery.floatValue()));
        assertEquals(expected.doubleValue, values.get(AllTypesQuery.doubleValue()));
        assertEquals(expected.decimalValue, values.get(AllTypesQuery.decimalValue()));
        assertEquals(expected.varcharValue, values.get(AllTypesQuery.varcharValue()));
        assertEquals(expected.textValue, values.get(AllTypesQuery.textValue()));
        assertEquals(expected.date, values.get(AllTypesQuery.date()));
        assertEquals(expected.time, values.get(AllTypesQuery.time()));
        assertEquals(expected.dateTime, values.get(AllTypesQuery.dateTime()));
        assertEquals(expected.instant, values.get(AllTypesQuery.instant()));
        assertEquals(expected.offsetDateTime, values.get(AllTypesQuery.offsetDateTime()));
        assertEquals(expected.uuid, values.get(AllTypesQuery.uuid()));
        assertArrayEquals(expected.bytes, values.get(AllTypesQuery.bytes()));
        assertEquals(Color.BLUE, values.get(AllTypesQuery.color()));
        assertEquals(Color.GREEN, values.get(AllTypesQuery.colorOrNull()));
        assertEquals(expected.uuidOrNull, values.get(AllTypesQuery.uuidOrNull()));
    }
}

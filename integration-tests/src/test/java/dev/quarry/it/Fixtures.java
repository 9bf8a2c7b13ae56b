package dev.quarry.it;

import dev.quarry.it.model.AllTypes;
import dev.quarry.it.model.Book;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Test objects with every NOT NULL field set. */
final class Fixtures {
    static final LocalDate DAY = LocalDate.of(2020, 1, 1);

    private Fixtures() {
    }

    static Book book(String title) {
        return new Book(title, DAY, 100);
    }

    static Book book(String title, int pages) {
        return new Book(title, DAY, pages);
    }

    /** Every NOT NULL column set, every nullable one left null. */
    static AllTypes allTypes() {
        AllTypes row = new AllTypes();
        row.flag = true;
        row.smallValue = 1;
        row.intValue = 2;
        row.boxedInt = 3;
        row.longValue = 4L;
        row.floatValue = 5.5f;
        row.doubleValue = 6.25;
        row.decimalValue = new BigDecimal("7.0000000000");
        row.varcharValue = "varchar";
        row.textValue = "text";
        row.date = LocalDate.of(2024, 3, 10);
        row.time = LocalTime.of(8, 5, 7);
        row.dateTime = LocalDateTime.of(2024, 3, 10, 8, 5, 7);
        row.instant = Instant.parse("2024-03-10T08:05:07Z");
        row.offsetDateTime = OffsetDateTime.of(2024, 3, 10, 8, 5, 7, 0, ZoneOffset.UTC);
        row.uuid = UUID.fromString("00000000-0000-0000-0000-000000000001");
        row.bytes = new byte[] {1, 2, 3};
        row.color = AllTypes.Color.RED;
        return row;
    }
}

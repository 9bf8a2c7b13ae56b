package dev.quarry.benchmarks;

import dev.quarry.annotation.Decimal;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.PrimaryKey;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The model both sides of every benchmark read and write: eight columns of mixed types, one of them nullable. Quarry
 * maps it through the generated {@code ItemQuery}; the JDBC side through {@link JdbcItems}.
 */
@Model
public class Item {
    @PrimaryKey public Long id;
    @MaxLength(100) public String name;
    public int quantity;
    @Decimal(precision = 10, scale = 2) public BigDecimal price;
    public LocalDate created;
    public boolean active;
    public ItemStatus status;
    @Nullable public Double rating;

    /** The deterministic content of row {@code i} (0-based), so both sides insert and read the same data. */
    static Item sample(int i) {
        Item item = new Item();
        item.name = "Item number " + i;
        item.quantity = i % 100;
        // All prices differ (100003 is prime), so ORDER BY price has no ties and both sides get the same order.
        item.price = BigDecimal.valueOf(100 + (i * 7919L) % 100_003, 2);
        item.created = LocalDate.of(2020, 1, 1).plusDays(i % 1500);
        item.active = i % 3 != 0;
        item.status = ItemStatus.values()[i % ItemStatus.values().length];
        item.rating = i % 5 == 0 ? null : (i % 50) / 10.0;
        return item;
    }

    /** Field-by-field equality, to check at setup that both sides read the same objects. */
    boolean sameAs(Item other) {
        return Objects.equals(id, other.id) && name.equals(other.name) && quantity == other.quantity
                && price.equals(other.price) && created.equals(other.created) && active == other.active
                && status == other.status && Objects.equals(rating, other.rating);
    }
}

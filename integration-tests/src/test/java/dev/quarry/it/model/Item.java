package dev.quarry.it.model;

import dev.quarry.annotation.Decimal;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.PrimaryKey;
import java.math.BigDecimal;

/** Several columns of the same type, for column-to-column (F) comparisons and arithmetic. */
@Model
public class Item {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String name;

    @Decimal(precision = 10, scale = 2)
    public BigDecimal price;

    @Nullable
    @Decimal(precision = 10, scale = 2)
    public BigDecimal cost;

    public int quantity;

    public int reserved;

    public Item() {
    }

    public Item(String name, String price, String cost, int quantity, int reserved) {
        this.name = name;
        this.price = new BigDecimal(price);
        this.cost = cost == null ? null : new BigDecimal(cost);
        this.quantity = quantity;
        this.reserved = reserved;
    }
}

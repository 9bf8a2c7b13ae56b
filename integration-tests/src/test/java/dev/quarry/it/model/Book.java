package dev.quarry.it.model;

import dev.quarry.annotation.Decimal;
import dev.quarry.annotation.Default;
import dev.quarry.annotation.Indexed;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.PrimaryKey;
import dev.quarry.annotation.Unique;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The main test model: a generated key, indexed and unique columns, a default, a nullable decimal, accessors. */
@Model
public class Book {
    @PrimaryKey
    public Long id;

    @MaxLength(200)
    @Indexed
    public String title;

    @Nullable
    @Decimal(precision = 10, scale = 2)
    public BigDecimal price;

    public LocalDate published;

    public int pages;

    @Default("DRAFT")
    public Status status;

    /** Private, reached through isAvailable()/setAvailable(): the generated code must use the accessors. */
    private boolean available;

    @Nullable
    public Double rating;

    @Nullable
    @Unique
    @MaxLength(20)
    public String isbn;

    public Book() {
    }

    public Book(String title, LocalDate published, int pages) {
        this.title = title;
        this.published = published;
        this.pages = pages;
    }

    public boolean isAvailable() {
        return available;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public String toString() {
        return "Book#" + id + "(" + title + ")";
    }
}

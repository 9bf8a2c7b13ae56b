package dev.quarry.sample.model;

import dev.quarry.Ref;
import dev.quarry.annotation.Decimal;
import dev.quarry.annotation.Default;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Indexed;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;
import dev.quarry.annotation.Unique;
import java.math.BigDecimal;
import java.time.LocalDate;

@Model
public class Book {
    @PrimaryKey public Long id;
    @MaxLength(200) @Indexed public String title;
    @Nullable @Decimal(precision = 10, scale = 2) public BigDecimal price;
    public LocalDate published;
    public int pages;
    @Default("FICTION") public Genre genre;
    @Nullable @Unique @MaxLength(17) public String isbn;
    @ForeignKey(onDelete = OnDelete.CASCADE) public final Ref<Author> author = new Ref<>();

    public Book() {
    }

    public Book(String title, String price, LocalDate published, int pages, Genre genre, Author author) {
        this.title = title;
        this.price = price == null ? null : new BigDecimal(price);
        this.published = published;
        this.pages = pages;
        this.genre = genre;
        this.author.set(author);
    }

    @Override
    public String toString() {
        return "Book[" + id + ", " + title + ", " + price + ", " + published + ", " + genre + "]";
    }
}

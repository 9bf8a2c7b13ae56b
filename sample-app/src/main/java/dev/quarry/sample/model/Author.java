package dev.quarry.sample.model;

import dev.quarry.annotation.Indexed;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.PrimaryKey;
import java.time.LocalDate;

@Model
public class Author {
    @PrimaryKey public Long id;
    @MaxLength(100) public String name;
    @Nullable public LocalDate born;
    /** Until relations arrive (next issue), the publisher is a plain key column. */
    @Nullable @Indexed public Long publisherId;

    public Author() {
    }

    public Author(String name, LocalDate born, Long publisherId) {
        this.name = name;
        this.born = born;
        this.publisherId = publisherId;
    }

    @Override
    public String toString() {
        return "Author[" + id + ", " + name + ", born " + born + "]";
    }
}

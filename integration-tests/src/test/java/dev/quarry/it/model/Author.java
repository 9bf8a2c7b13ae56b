package dev.quarry.it.model;

import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;

@Model
public class Author {
    @PrimaryKey
    public Long id;

    @MaxLength(100)
    public String name;

    @Nullable
    @ForeignKey(onDelete = OnDelete.SET_NULL)
    public final Ref<Publisher> publisher = new Ref<>();

    public Author() {
    }

    public Author(String name, Publisher publisher) {
        this.name = name;
        this.publisher.set(publisher);
    }
}

package dev.quarry.it.model;

import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;

/** A self-referential tree. */
@Model
public class Category {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String name;

    @Nullable
    @ForeignKey(onDelete = OnDelete.CASCADE)
    public final Ref<Category> parent = new Ref<>();

    public Category() {
    }

    public Category(String name, Category parent) {
        this.name = name;
        this.parent.set(parent);
    }
}

package dev.quarry.it.model;

import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;

/** On a shelf: deleted with it. */
@Model
public class Box {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String label;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public final Ref<Shelf> shelf = new Ref<>();

    public Box() {
    }

    public Box(String label, Shelf shelf) {
        this.label = label;
        this.shelf.set(shelf);
    }
}

package dev.quarry.it.model;

import dev.quarry.Ref;
import dev.quarry.annotation.Default;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;

/**
 * In a box (deleted with it, so with its shelf: two levels of CASCADE); its home shelf is RESTRICT (Django's example:
 * a shelf can be deleted with the things in its own boxes, not while things elsewhere call it home); its bin is
 * SET_DEFAULT.
 */
@Model
public class Thing {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public final Ref<Box> box = new Ref<>();

    @Nullable
    @ForeignKey(onDelete = OnDelete.RESTRICT)
    public final Ref<Shelf> home = new Ref<>();

    @Nullable
    @Default("999999")
    @ForeignKey(onDelete = OnDelete.SET_DEFAULT)
    public final Ref<Bin> bin = new Ref<>();

    public Thing() {
    }

    public Thing(String name, Box box, Shelf home, Bin bin) {
        this.name = name;
        this.box.set(box);
        this.home.set(home);
        this.bin.set(bin);
    }
}

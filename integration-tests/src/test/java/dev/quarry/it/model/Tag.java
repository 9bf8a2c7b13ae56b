package dev.quarry.it.model;

import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;

/** Protects the thing it is on (PROTECT); refers to a box without telling Quarry what to do (DO_NOTHING). */
@Model
public class Tag {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String text;

    @Nullable
    @ForeignKey(onDelete = OnDelete.PROTECT)
    public final Ref<Thing> thing = new Ref<>();

    @Nullable
    @ForeignKey(onDelete = OnDelete.DO_NOTHING)
    public final Ref<Box> box = new Ref<>();

    public Tag() {
    }

    public Tag(String text, Thing thing, Box box) {
        this.text = text;
        this.thing.set(thing);
        this.box.set(box);
    }
}

package dev.quarry.it.model;

import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;

/** Top of the on-delete test graph: shelf -> box -> thing (CASCADE), thing -> shelf (RESTRICT). */
@Model
public class Shelf {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String name;

    public Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }
}

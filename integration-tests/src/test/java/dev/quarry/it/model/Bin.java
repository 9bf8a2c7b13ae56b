package dev.quarry.it.model;

import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;

/** Where things go: deleting a bin moves its things to the lost-and-found bin (SET_DEFAULT). */
@Model
public class Bin {
    /** The key of the bin that Thing.bin's @Default names. */
    public static final long LOST_AND_FOUND = 999_999L;

    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String name;

    public Bin() {
    }

    public Bin(String name) {
        this.name = name;
    }
}

package dev.quarry.it.model;

import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;

/** A model with nothing but its key. */
@Model
public class Marker {
    @PrimaryKey
    public Long id;
}

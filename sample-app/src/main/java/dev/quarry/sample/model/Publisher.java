package dev.quarry.sample.model;

import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.PrimaryKey;
import dev.quarry.annotation.Unique;

@Model
public class Publisher {
    @PrimaryKey public Long id;
    @MaxLength(100) @Unique public String name;
    /** ISO 3166 country code. */
    @Nullable @MaxLength(2) public String country;

    public Publisher() {
    }

    public Publisher(String name, String country) {
        this.name = name;
        this.country = country;
    }

    @Override
    public String toString() {
        return "Publisher[" + id + ", " + name + ", " + country + "]";
    }
}

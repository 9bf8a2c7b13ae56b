package dev.quarry.it.model;

import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;

/** A String primary key, which the application must set. */
@Model
public class Country {
    @PrimaryKey
    @MaxLength(2)
    public String code;

    @MaxLength(100)
    public String name;

    public Country() {
    }

    public Country(String code, String name) {
        this.code = code;
        this.name = name;
    }
}

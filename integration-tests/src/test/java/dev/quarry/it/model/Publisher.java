package dev.quarry.it.model;

import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;

@Model
public class Publisher {
    @PrimaryKey
    public Long id;

    @MaxLength(100)
    public String name;

    public Publisher() {
    }

    public Publisher(String name) {
        this.name = name;
    }
}

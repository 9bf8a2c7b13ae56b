package dev.quarry.it.model;

import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;

/** With {@link Member}: two models that refer to each other (a cycle of foreign keys). */
@Model
public class Team {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String name;

    @Nullable
    @ForeignKey(onDelete = OnDelete.SET_NULL)
    public final Ref<Member> captain = new Ref<>();

    public Team() {
    }

    public Team(String name) {
        this.name = name;
    }
}

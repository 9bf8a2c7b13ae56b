package dev.quarry.it.model;

import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PrimaryKey;

/** A member of a {@link Team}, which may have one of its members as captain. */
@Model
public class Member {
    @PrimaryKey
    public Long id;

    @MaxLength(50)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public final Ref<Team> team = new Ref<>();

    public Member() {
    }

    public Member(String name, Team team) {
        this.name = name;
        this.team.set(team);
    }
}

package dev.quarry.sample.model;

import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.PrimaryKey;
import dev.quarry.annotation.Text;
import dev.quarry.annotation.Unique;
import java.time.LocalDate;

@Model
public class Course {
    @PrimaryKey public Long id;
    @MaxLength(10) @Unique public String code;
    @MaxLength(200) public String title;
    @Text public String description;
    public LocalDate startsOn;
    public int credits;

    public Course() {
    }

    public Course(String code, String title, LocalDate startsOn, int credits) {
        this.code = code;
        this.title = title;
        this.description = "";
        this.startsOn = startsOn;
        this.credits = credits;
    }

    @Override
    public String toString() {
        return "Course[" + code + ", " + title + ", " + credits + " credits]";
    }
}

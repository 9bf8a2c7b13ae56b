package dev.quarry.sample.model;

import dev.quarry.annotation.Default;
import dev.quarry.annotation.MaxLength;
import dev.quarry.annotation.Model;
import dev.quarry.annotation.Nullable;
import dev.quarry.annotation.PrimaryKey;
import java.time.Instant;
import java.util.UUID;

/** A JavaBean-style model: private fields with getters and setters, and a UUID key that Quarry generates. */
@Model
public class Student {
    @PrimaryKey private UUID id;
    @MaxLength(100) private String name;
    private Instant enrolledAt;
    @Nullable private Double averageMark;
    @Default("true") private boolean active;
    /** Until many-to-many arrives (next issue), a student follows one course, by code. */
    @MaxLength(10) private String courseCode;

    public Student() {
    }

    public Student(String name, Instant enrolledAt, Double averageMark, String courseCode) {
        this.name = name;
        this.enrolledAt = enrolledAt;
        this.averageMark = averageMark;
        this.active = true;
        this.courseCode = courseCode;
    }

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Instant getEnrolledAt() { return enrolledAt; }
    public void setEnrolledAt(Instant enrolledAt) { this.enrolledAt = enrolledAt; }
    public Double getAverageMark() { return averageMark; }
    public void setAverageMark(Double averageMark) { this.averageMark = averageMark; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getCourseCode() { return courseCode; }
    public void setCourseCode(String courseCode) { this.courseCode = courseCode; }

    @Override
    public String toString() {
        return "Student[" + name + ", " + courseCode + ", mark " + averageMark + (active ? "" : ", inactive") + "]";
    }
}

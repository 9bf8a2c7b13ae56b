package dev.quarry.sql;

/** Parts of dates and times usable in lookups ({@code published.year().eq(2020)}). */
public enum DatePart {
    YEAR, QUARTER, MONTH, DAY,
    /** Day of the week as in Django: 1 = Sunday ... 7 = Saturday. */
    WEEK_DAY,
    HOUR, MINUTE, SECOND
}

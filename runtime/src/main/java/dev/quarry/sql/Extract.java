package dev.quarry.sql;

/** A part of a date/time value; each dialect renders its own extraction function. */
public record Extract(DatePart part, SqlNode source) implements SqlNode {
    @Override
    public void render(SqlWriter writer) {
        writer.dialect().renderExtract(writer, part, source);
    }
}

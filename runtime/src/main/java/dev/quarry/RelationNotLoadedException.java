package dev.quarry;

/** A relation was read that its query did not load; the message names it and the call that would have. */
public class RelationNotLoadedException extends QuarryException {
    public RelationNotLoadedException(String message) {
        super(message);
    }
}

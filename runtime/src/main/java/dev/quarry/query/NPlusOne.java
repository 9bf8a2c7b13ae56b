package dev.quarry.query;

/**
 * An N+1 pattern: the same relation loaded one object at a time for several objects of one query result.
 *
 * @param relation the relation, e.g. {@code Book.author}
 * @param query the SQL of the query whose objects were read
 * @param fix the call that loads them all with the query, e.g. {@code selectRelated(BookQuery.author())}
 */
public record NPlusOne(String relation, String query, String fix) {
    /** The warning text: what happened and the fix. */
    public String message() {
        return "N+1 queries: " + relation + " was loaded one object at a time for objects of the same result of "
                + query + " ; add ." + fix + " to that query (or use FetchMode.PEERS)";
    }
}

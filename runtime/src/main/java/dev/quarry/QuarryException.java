package dev.quarry;

/** Base of every exception Quarry throws; unchecked, as JDBC's checked exceptions are translated. */
public class QuarryException extends RuntimeException {
    public QuarryException(String message) {
        super(message);
    }

    public QuarryException(String message, Throwable cause) {
        super(message, cause);
    }
}

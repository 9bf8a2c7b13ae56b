package dev.quarry;

/** {@code get()} found no row; the message names the model and the filter. */
public class ObjectDoesNotExistException extends QuarryException {
    private final Class<?> model;

    public ObjectDoesNotExistException(Class<?> model, String message) {
        super(message);
        this.model = model;
    }

    public Class<?> model() {
        return model;
    }
}

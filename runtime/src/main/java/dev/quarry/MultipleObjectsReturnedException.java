package dev.quarry;

/** {@code get()} found more than one row; the message names the model, the filter and how many rows matched. */
public class MultipleObjectsReturnedException extends QuarryException {
    private final Class<?> model;

    public MultipleObjectsReturnedException(Class<?> model, String message) {
        super(message);
        this.model = model;
    }

    public Class<?> model() {
        return model;
    }
}

package dev.quarry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delete was refused because objects refer to what it would delete through a foreign key with
 * {@code onDelete = PROTECT} (Django's {@code ProtectedError}). Nothing was changed. The message names the model
 * deleted, each protecting foreign key and the keys of the objects referring through it.
 */
public class ProtectedException extends QuarryException {
    private final Class<?> model;
    private final Map<String, List<Object>> referringKeys;

    public ProtectedException(String message, Class<?> model, Map<String, List<Object>> referringKeys) {
        super(message);
        this.model = model;
        this.referringKeys = copy(referringKeys);
    }

    /** The model whose objects the refused delete was asked to delete. */
    public Class<?> model() {
        return model;
    }

    /**
     * The keys of the referring objects (all of them, not only those the message lists), per foreign key
     * ({@code "Tag.thing"}), in the order the foreign keys were found.
     */
    public Map<String, List<Object>> referringKeys() {
        return referringKeys;
    }

    static Map<String, List<Object>> copy(Map<String, List<Object>> keys) {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        keys.forEach((field, values) -> copy.put(field, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}

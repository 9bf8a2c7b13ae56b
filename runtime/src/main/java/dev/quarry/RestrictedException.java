package dev.quarry;

import java.util.List;
import java.util.Map;

/**
 * A delete was refused because objects refer to what it would delete through a foreign key with
 * {@code onDelete = RESTRICT}, and those objects are not deleted by a cascade of the same delete (Django's
 * {@code RestrictedError}). Nothing was changed. The message names the model deleted, each restricting foreign key
 * and the keys of the objects referring through it.
 */
public class RestrictedException extends QuarryException {
    private final Class<?> model;
    private final Map<String, List<Object>> referringKeys;

    public RestrictedException(String message, Class<?> model, Map<String, List<Object>> referringKeys) {
        super(message);
        this.model = model;
        this.referringKeys = ProtectedException.copy(referringKeys);
    }

    /** The model whose objects the refused delete was asked to delete. */
    public Class<?> model() {
        return model;
    }

    /**
     * The keys of the referring objects that block the delete (all of them), per foreign key ({@code "Thing.home"}).
     */
    public Map<String, List<Object>> referringKeys() {
        return referringKeys;
    }
}

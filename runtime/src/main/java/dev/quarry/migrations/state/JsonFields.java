package dev.quarry.migrations.state;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed reading of one JSON object of a migration file, with errors naming the object and the key. */
public final class JsonFields {
    private final Map<String, Object> json;
    private final String what;
    private final Set<String> read = new HashSet<>();

    public JsonFields(Map<String, Object> json, String what) {
        this.json = json;
        this.what = what;
    }

    public String string(String key) {
        String value = optionalString(key);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    public String optionalString(String key) {
        Object value = get(key);
        if (value != null && !(value instanceof String)) {
            throw wrongType(key, "a string");
        }
        return (String) value;
    }

    public boolean flag(String key) {
        Object value = get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw wrongType(key, "true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    public int integer(String key) {
        Object value = get(key);
        if (value != null && !(value instanceof Long)) {
            throw wrongType(key, "an integer");
        }
        // beyond int: an error naming the key (Math.toIntExact's ArithmeticException named neither it nor the file)
        if (value != null && (Long) value != ((Long) value).intValue()) {
            throw wrongType(key, "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return value == null ? 0 : ((Long) value).intValue();
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String name = string(key);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": \"" + key + "\" is \"" + name + "\", not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object value = get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw wrongType(key, "a list");
        }
        return (List<Object>) value;
    }

    /** A list, or null when the key is absent or null. */
    public List<Object> optionalList(String key) {
        return get(key) == null ? null : list(key);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String key) {
        Object value = get(key);
        if (!(value instanceof Map)) {
            throw value == null ? missing(key) : wrongType(key, "an object");
        }
        return (Map<String, Object>) value;
    }

    /** Each element of a list as a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** Fails on keys nobody read: a typo in a hand-edited file must not be ignored. */
    public void requireNoOthers() {
        for (String key : json.keySet()) {
            if (!read.contains(key)) {
                throw new IllegalArgumentException(what + " has an unknown key \"" + key + "\"");
            }
        }
    }

    private Object get(String key) {
        read.add(key);
        return json.get(key);
    }

    private IllegalArgumentException missing(String key) {
        return new IllegalArgumentException(what + " needs \"" + key + "\"");
    }

    private IllegalArgumentException wrongType(String key, String expected) {
        return new IllegalArgumentException(what + ": \"" + key + "\" must be " + expected);
    }
}

package dev.quarry.migrations;

import dev.quarry.migrations.operations.Operation;
import dev.quarry.migrations.state.JsonFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One migration file: {@code 0002_book_isbn.json}, the migrations it depends on and its operations, in order.
 *
 * @param name the file name without {@code .json}
 * @param checksum SHA-256 of the file's text (line endings normalised), recorded when it is applied: a file changed
 *     after that is refused
 */
public record Migration(String name, List<String> dependencies, List<Operation> operations, String checksum) {
    /**
     * Migration names in number order, then by name: {@code 9999_x} before {@code 10000_y} (numbers are zero-padded
     * to four digits, so fewer digits is a smaller number).
     */
    public static final Comparator<String> NAME_ORDER = Comparator.comparingInt(Migration::leadingDigits)
            .thenComparing(Comparator.naturalOrder());

    public Migration {
        dependencies = List.copyOf(dependencies);
        operations = List.copyOf(operations);
    }

    /** A migration read from its file's text. */
    public static Migration parse(String name, String fileText) {
        // a byte-order mark, which some Windows editors add, is an encoding detail as CRLF is (see checksum)
        String text = fileText.startsWith("\uFEFF") ? fileText.substring(1) : fileText;
        Object json;
        try {
            json = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("Migration " + name + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            JsonFields fields = new JsonFields(JsonFields.asObject(json, "a migration"), "migration " + name);
            List<String> dependencies = new ArrayList<>();
            for (Object dependency : fields.list("dependencies")) {
                if (!(dependency instanceof String dependencyName)) {
                    throw new IllegalArgumentException("\"dependencies\" must be a list of migration names");
                }
                dependencies.add(dependencyName);
            }
            List<Operation> operations = new ArrayList<>();
            int index = 0;
            for (Object operation : fields.list("operations")) {
                index++;
                try {
                    operations.add(Operation.fromJson(JsonFields.asObject(operation, "an operation")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("operation " + index + ": " + e.getMessage(), e);
                }
            }
            fields.requireNoOthers();
            return new Migration(name, dependencies, operations, checksum(text));
        } catch (IllegalArgumentException e) {
            throw new MigrationException("Migration " + name + ": " + e.getMessage(), e);
        }
    }

    /** The file's text: deterministic, so the same migration is always the same bytes. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dependencies", new ArrayList<Object>(dependencies));
        List<Object> ops = new ArrayList<>();
        for (Operation operation : operations) {
            ops.add(operation.toJson());
        }
        json.put("operations", ops);
        return Json.write(json);
    }

    /** SHA-256 of the text, with CRLF read as LF (a checkout on Windows is the same file). */
    public static String checksum(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private static int leadingDigits(String name) {
        int digits = 0;
        while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
            digits++;
        }
        return digits;
    }
}

package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a {@code @Default} text against the field's type at compile time and turns it into the Java literal that
 * {@code applyDefaults} assigns. The text itself goes to the column metadata unchanged (the DDL default).
 */
final class DefaultValues {
    /** Plain decimal notation, as every database accepts it in a DEFAULT clause. */
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern FLOATING = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** Either the literal or the error message. */
    record Parsed(CodeBlock literal, String error) {
        static Parsed ok(CodeBlock literal) {
            return new Parsed(literal, null);
        }

        static Parsed error(String message) {
            return new Parsed(null, message);
        }
    }

    /** What the parse needs to know about the column besides its type. */
    record Column(String fieldName, FieldTypes.Mapping mapping, int maxLength, int precision, int scale,
            List<String> enumConstants) {
    }

    private DefaultValues() {
    }

    static Parsed parse(String text, Column column) {
        String of = "@Default(\"" + text + "\") of '" + column.fieldName() + "'";
        switch (column.mapping().kind()) {
            case BOOLEAN:
                if (text.equals("true") || text.equals("false")) {
                    return Parsed.ok(CodeBlock.of("$L", text));
                }
                return Parsed.error(of + " is not a boolean: write \"true\" or \"false\"");
            case SHORT:
                return integral(text, of, Short.MIN_VALUE, Short.MAX_VALUE, "short", "(short) $L");
            case INTEGER:
                return integral(text, of, Integer.MIN_VALUE, Integer.MAX_VALUE, "int", "$L");
            case LONG:
                return integral(text, of, Long.MIN_VALUE, Long.MAX_VALUE, "long", "$LL");
            case FLOAT:
                if (FLOATING.matcher(text).matches() && Float.isFinite(Float.parseFloat(text))) {
                    return Parsed.ok(CodeBlock.of("$Lf", Float.toString(Float.parseFloat(text))));
                }
                return Parsed.error(of + " is not a float: write a number such as \"1.5\" (within float range)");
            case DOUBLE:
                if (FLOATING.matcher(text).matches() && Double.isFinite(Double.parseDouble(text))) {
                    return Parsed.ok(CodeBlock.of("$L", Double.toString(Double.parseDouble(text))));
                }
                return Parsed.error(of + " is not a double: write a number such as \"1.5\" (within double range)");
            case DECIMAL:
                return decimal(text, of, column);
            case STRING:
                int length = text.codePointCount(0, text.length());
                if (column.maxLength() > 0 && length > column.maxLength()) {
                    return Parsed.error(of + " is " + length + " characters long, more than @MaxLength("
                            + column.maxLength() + "): shorten the default or raise the length");
                }
                return Parsed.ok(CodeBlock.of("$S", text));
            case DATE:
                return temporal(text, of, "an ISO date such as \"2024-01-31\"", LocalDate::parse, LocalDate.class);
            case TIME:
                return temporal(text, of, "an ISO time such as \"09:30\" or \"09:30:15\"", LocalTime::parse,
                        LocalTime.class);
            case DATETIME:
                return temporal(text, of, "an ISO date-time such as \"2024-01-31T09:30:00\"", LocalDateTime::parse,
                        LocalDateTime.class);
            case ENUM:
                if (column.enumConstants().contains(text)) {
                    return Parsed.ok(CodeBlock.of("$T.$N", column.mapping().javaType(), text));
                }
                return Parsed.error(of + " is not a constant of " + column.mapping().simpleName()
                        + ": use one of " + String.join(", ", column.enumConstants()));
            case INSTANT:
            case OFFSET_DATETIME:
            case UUID:
            case BYTES:
            default:
                return Parsed.error("@Default is not supported on " + column.mapping().simpleName() + " fields ('"
                        + column.fieldName() + "'): assign the value in Java instead (a field initializer or the "
                        + "constructor)");
        }
    }

    private static Parsed integral(String text, String of, long min, long max, String type, String format) {
        if (INTEGER.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return Parsed.ok(CodeBlock.of(format, value));
                }
            } catch (NumberFormatException tooLarge) {
                // falls through to the error below
            }
        }
        return Parsed.error(of + " is not a valid " + type + ": write a whole number from " + min + " to " + max);
    }

    private static Parsed decimal(String text, String of, Column column) {
        if (!DECIMAL.matcher(text).matches()) {
            return Parsed.error(of + " is not a decimal number: write it like \"9.99\"");
        }
        BigDecimal value = new BigDecimal(text);
        int integerDigits = Math.max(value.precision() - value.scale(), 0);
        int maxIntegerDigits = column.precision() - column.scale();
        if (value.scale() > column.scale() || integerDigits > maxIntegerDigits) {
            return Parsed.error(of + " does not fit @Decimal(precision = " + column.precision() + ", scale = "
                    + column.scale() + "): at most " + maxIntegerDigits + " digits before the point and "
                    + column.scale() + " after it");
        }
        return Parsed.ok(CodeBlock.of("new $T($S)", BigDecimal.class, text));
    }

    private interface Parser {
        Object parse(CharSequence text);
    }

    private static Parsed temporal(String text, String of, String expected, Parser parser, Class<?> type) {
        try {
            parser.parse(text);
        } catch (DateTimeParseException e) {
            return Parsed.error(of + " is not " + expected);
        }
        return Parsed.ok(CodeBlock.of("$T.parse($S)", ClassName.get(type), text));
    }
}

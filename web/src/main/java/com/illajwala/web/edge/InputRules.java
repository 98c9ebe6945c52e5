package com.illajwala.web.edge;

import java.util.Optional;

/**
 * What a value from a request may hold, checked before any route or store sees it. Plain Java.
 *
 * <p>Text: no control characters (tab, line feed and carriage return excepted: free text may have
 * lines), no unpaired surrogate (not Unicode, so it cannot be stored as UTF-8), and a length
 * bound. Identifiers (a field or path variable named {@code id} or ending in {@code Id}, and the
 * elements of a list named {@code …Ids}): up to
 * {@value #MAX_IDENTIFIER} letters, digits, {@code - _ . : ~}, which every id the platform hands
 * out (UUIDs, slugs such as {@code apollo-koramangala}) satisfies.
 */
public final class InputRules {

    /** The longest identifier: UUIDs are 36, slugs are bounded by their routes at 64. */
    public static final int MAX_IDENTIFIER = 128;
    /** The longest path segment that is not an identifier, such as a schema's file name. */
    public static final int MAX_PATH_SEGMENT = 256;
    /** The longest query parameter value. */
    public static final int MAX_QUERY_VALUE = 2_000;
    /** The longest string in a JSON body; routes set tighter bounds per field. */
    public static final int MAX_BODY_TEXT = 10_000;

    private InputRules() {
    }

    /** Whether a field or path variable of this name holds an identifier (or, {@code …Ids}, a list of them). */
    public static boolean isIdentifierName(String name) {
        return name != null && (name.equals("id") || name.endsWith("Id") || name.endsWith("Ids"));
    }

    /** What is wrong with a piece of text, if anything, as a message that follows the field's name. */
    public static Optional<String> textProblem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("is not valid Unicode text");
            }
        }
        return Optional.empty();
    }

    /** What is wrong with an identifier, if anything. */
    public static Optional<String> identifierProblem(String value) {
        if (value.length() > MAX_IDENTIFIER) {
            return Optional.of("must be at most " + MAX_IDENTIFIER + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                return Optional.of("must not contain control characters");
            }
            if (!isIdentifierCharacter(c)) {
                return Optional.of("must hold only letters, digits and - _ . : ~");
            }
        }
        return Optional.empty();
    }

    /** The rule for a named value: identifiers by {@link #identifierProblem}, other text by {@link #textProblem}. */
    public static Optional<String> problem(String name, String value, int maxTextLength) {
        return isIdentifierName(name) ? identifierProblem(value) : textProblem(value, maxTextLength);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isIdentifierCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':' || c == '~';
    }
}

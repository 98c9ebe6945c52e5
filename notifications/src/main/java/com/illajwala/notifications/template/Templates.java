package com.illajwala.notifications.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates on the classpath under {@code notifications/templates/{language}/}. A
 * language without a template falls back to English; a placeholder without a value is a bug and fails.
 */
public final class Templates {

    public static final List<String> LANGUAGES = List.of("en", "hi");
    public static final String DEFAULT_LANGUAGE = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String ROOT = "notifications/templates/";

    private final Map<String, Optional<String>> loaded = new ConcurrentHashMap<>();

    /** The language templates exist in: the patient's, if supported, else English. */
    public static String supported(String language) {
        return language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
    }

    /** The template {@code name} (e.g. {@code appointment_confirmed.txt}) in the language, filled in. */
    public String render(String language, String name, Map<String, String> values) {
        String template = raw(supported(language), name)
                .or(() -> raw(DEFAULT_LANGUAGE, name))
                .orElseThrow(() -> new IllegalStateException("No template " + name));
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Template " + language + "/" + name + " needs " + matcher.group(1));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString().strip();
    }

    private Optional<String> raw(String language, String name) {
        return loaded.computeIfAbsent(language + "/" + name, path -> {
            try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(ROOT + path)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

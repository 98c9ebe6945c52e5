package com.illajwala.events.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a new schema of an event type would break for consumers written against the published one:
 * a field removed, retyped, no longer always present, newly nullable, or an enum value dropped.
 * Adding a field is not a break (consumers ignore what they do not know, see docs/integrators.md).
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    static List<String> breaks(JsonNode published, JsonNode proposed) {
        List<String> breaks = new ArrayList<>();
        compare("", published, proposed, breaks);
        return breaks;
    }

    private static void compare(String path, JsonNode published, JsonNode proposed, List<String> breaks) {
        String where = path.isEmpty() ? "the event" : path;
        Set<String> was = types(published);
        Set<String> is = types(proposed);
        if (!was.contains("null") && is.contains("null")) {
            breaks.add(where + " may now be null");
        }
        was.remove("null");
        is.remove("null");
        if (!was.equals(is)) {
            breaks.add(where + " changed type from " + was + " to " + is);
            return;
        }
        if (published.has("enum")) {
            Set<String> values = new HashSet<>();
            proposed.path("enum").forEach(value -> values.add(value.asText()));
            published.get("enum").forEach(value -> {
                if (!values.contains(value.asText())) {
                    breaks.add(where + " no longer has the value " + value.asText());
                }
            });
        }
        if (published.has("items")) {
            compare(path + "[]", published.get("items"), proposed.path("items"), breaks);
        }
        Set<String> required = new HashSet<>();
        proposed.path("required").forEach(field -> required.add(field.asText()));
        published.path("required").forEach(field -> {
            if (!required.contains(field.asText())) {
                breaks.add(join(path, field.asText()) + " is no longer always present");
            }
        });
        published.path("properties").fields().forEachRemaining(field -> {
            JsonNode now = proposed.path("properties").get(field.getKey());
            if (now == null) {
                breaks.add(join(path, field.getKey()) + " was removed");
            } else {
                compare(join(path, field.getKey()), field.getValue(), now, breaks);
            }
        });
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        return types;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}

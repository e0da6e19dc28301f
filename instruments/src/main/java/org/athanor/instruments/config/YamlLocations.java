package org.athanor.instruments.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value in a YAML document, keyed by JSON pointer ({@code /instruments/2/id}), so checks
 * made after binding (duplicate ids, limits a kind needs) can still point at the offending line.
 */
final class YamlLocations {

    private final Map<String, JsonLocation> byPointer = new HashMap<>();

    private YamlLocations() {
    }

    static YamlLocations of(String yaml) {
        YamlLocations locations = new YamlLocations();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                locations.byPointer.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
            }
        } catch (IOException e) {
            // Binding reports syntax errors with their own location; nothing more to learn here.
        }
        return locations;
    }

    /** The location of the value at {@code pointer}, or of its nearest located ancestor. */
    JsonLocation at(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation l = byPointer.get(p);
            if (l != null || p.isEmpty()) {
                return l;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }
}

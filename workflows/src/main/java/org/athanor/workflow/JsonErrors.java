package org.athanor.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in a user's words: what was wrong, without the parser's internals ("[Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 23]" becomes "line 1, column 23").
 */
public final class JsonErrors {

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private JsonErrors() {
    }

    /** What was wrong, without where (the caller says where, from {@link JsonProcessingException#getLocation}). */
    public static String what(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return SOURCE.matcher(m).replaceAll("line $1, column $2").lines().findFirst().orElse(m).strip();
    }

    /** What was wrong and where: "at line 2, column 1: Unexpected end-of-input: …". */
    public static String describe(JsonProcessingException e) {
        var at = e.getLocation();
        return (at == null || at.getLineNr() < 0 ? "" : "at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ") + what(e);
    }
}

package org.athanor.crystal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits CIF 1.1 text into data blocks (STAR syntax: {@code data_}, {@code loop_}, tags, bare/quoted values,
 * semicolon text fields, comments). Save frames and {@code global_} are skipped. Errors name the line.
 */
final class CifSyntax {

    private record Token(String text, int line, boolean quoted) {
        boolean isTag() {
            return !quoted && text.startsWith("_");
        }

        boolean isKeyword(String keyword) {
            return !quoted && text.regionMatches(true, 0, keyword, 0, keyword.length());
        }
    }

    private final String source;
    private final List<Token> tokens = new ArrayList<>();

    private CifSyntax(String source) {
        this.source = source;
    }

    static List<CifBlock> parse(String text, String source) {
        CifSyntax syntax = new CifSyntax(source);
        syntax.tokenize(text);
        return syntax.blocks();
    }

    private void tokenize(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int lineNo = n + 1;
            if (line.startsWith(";")) {
                StringBuilder field = new StringBuilder(line.substring(1));
                int start = lineNo;
                n++;
                while (n < lines.length && !lines[n].startsWith(";")) {
                    field.append('\n').append(lines[n]);
                    n++;
                }
                if (n >= lines.length) {
                    throw new CifException(source, start, "text field opened with ';' is never closed");
                }
                tokens.add(new Token(field.toString().strip(), start, true));
                // anything after the closing ';' on the same line is tokenized too
                tokenizeLine(lines[n].substring(1), n + 1);
                continue;
            }
            tokenizeLine(line, lineNo);
        }
    }

    private void tokenizeLine(String line, int lineNo) {
        int i = 0;
        int len = line.length();
        while (i < len) {
            char ch = line.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '#') {
                return;
            } else if (ch == '\'' || ch == '"') {
                int j = i + 1;
                while (j < len && !(line.charAt(j) == ch && (j + 1 == len || Character.isWhitespace(line.charAt(j + 1))))) {
                    j++;
                }
                if (j >= len) {
                    throw new CifException(source, lineNo, "quoted value starting at column " + (i + 1)
                            + " is not closed (" + ch + ")");
                }
                tokens.add(new Token(line.substring(i + 1, j), lineNo, true));
                i = j + 1;
            } else {
                int j = i;
                while (j < len && !Character.isWhitespace(line.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(line.substring(i, j), lineNo, false));
                i = j;
            }
        }
    }

    private List<CifBlock> blocks() {
        List<CifBlock> blocks = new ArrayList<>();
        String name = null;
        int blockLine = 0;
        Map<String, List<CifBlock.Value>> items = new LinkedHashMap<>();
        boolean inSaveFrame = false;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.isKeyword("data_")) {
                if (name != null) {
                    blocks.add(new CifBlock(name, blockLine, items));
                }
                name = t.text().substring(5);
                blockLine = t.line();
                items = new LinkedHashMap<>();
                i++;
            } else if (t.isKeyword("save_")) {
                inSaveFrame = t.text().length() > 5;
                i++;
            } else if (t.isKeyword("global_") || t.isKeyword("stop_")) {
                i++;
            } else if (name == null) {
                throw new CifException(source, t.line(), "'" + t.text() + "' appears before any data_ block header");
            } else if (t.isKeyword("loop_") && t.text().length() == 5) {
                i = readLoop(i + 1, t.line(), inSaveFrame ? new LinkedHashMap<>() : items);
            } else if (t.isTag()) {
                if (i + 1 >= tokens.size() || isStructural(tokens.get(i + 1))) {
                    throw new CifException(source, t.line(), "tag " + t.text() + " has no value");
                }
                Token v = tokens.get(i + 1);
                if (!inSaveFrame) {
                    items.put(CifBlock.normalTag(t.text()), List.of(new CifBlock.Value(v.text(), v.line(), v.quoted())));
                }
                i += 2;
            } else {
                throw new CifException(source, t.line(), "value '" + t.text() + "' has no tag");
            }
        }
        if (name != null) {
            blocks.add(new CifBlock(name, blockLine, items));
        }
        return blocks;
    }

    private static boolean isStructural(Token t) {
        return t.isTag() || t.isKeyword("loop_") || t.isKeyword("data_") || t.isKeyword("save_")
                || t.isKeyword("global_");
    }

    private int readLoop(int i, int loopLine, Map<String, List<CifBlock.Value>> items) {
        List<String> tags = new ArrayList<>();
        while (i < tokens.size() && tokens.get(i).isTag()) {
            tags.add(CifBlock.normalTag(tokens.get(i).text()));
            i++;
        }
        if (tags.isEmpty()) {
            throw new CifException(source, loopLine, "loop_ without tags");
        }
        List<List<CifBlock.Value>> columns = new ArrayList<>();
        for (int c = 0; c < tags.size(); c++) {
            columns.add(new ArrayList<>());
        }
        int count = 0;
        int lastLine = loopLine;
        while (i < tokens.size() && !isStructural(tokens.get(i))) {
            Token v = tokens.get(i);
            columns.get(count % tags.size()).add(new CifBlock.Value(v.text(), v.line(), v.quoted()));
            lastLine = v.line();
            count++;
            i++;
        }
        if (count % tags.size() != 0) {
            throw new CifException(source, lastLine, "loop_ starting at line " + loopLine + " has " + count
                    + " values, not a multiple of its " + tags.size() + " tags (" + String.join(" ", tags) + ")");
        }
        for (int c = 0; c < tags.size(); c++) {
            items.put(tags.get(c), columns.get(c));
        }
        return i;
    }
}

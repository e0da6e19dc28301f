package org.athanor.agent.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A table of past experiments as a pool of candidates: repeated settings are averaged into one candidate, columns of
 * mostly text are categorical, numeric columns continuous within the table's range. Reads a CSV with a header, or the
 * Olympus layout (a {@code data.csv} without header beside a {@code config.json} naming the columns).
 *
 * @param values the objective per candidate, sign-adjusted so that larger is better
 */
public record Pool(Path source, List<String> params, String objective, boolean maximize, SearchSpace space,
                   List<Map<String, Object>> candidates, double[] values) {

    /** Thrown for an unreadable table, with the file and line in the message. */
    public static class PoolException extends RuntimeException {
        public PoolException(String message) {
            super(message);
        }
    }

    /**
     * @param params    parameter columns, or null for every column but the objective
     * @param objective the objective column, or null for the Olympus config's measurement / the last column
     * @param maximize  true/false, or null for the Olympus config's default goal (else an error)
     */
    public static Pool load(Path file, List<String> params, String objective, Boolean maximize) {
        List<String> lines = readLines(file);
        if (lines.isEmpty()) {
            throw new PoolException(file + ": empty table");
        }
        char delimiter = delimiter(lines.get(0));
        Path config = file.toAbsolutePath().getParent().resolve("config.json");
        List<String> header;
        int firstData;
        Boolean goal = null;
        if (allNumeric(split(lines.get(0), delimiter)) && Files.exists(config)) {
            JsonNode c = readConfig(config);
            header = new ArrayList<>();
            c.path("parameters").forEach(p -> header.add(p.path("name").asText()));
            c.path("measurements").forEach(m -> header.add(m.path("name").asText()));
            if (objective == null && c.path("measurements").size() > 0) {
                objective = c.path("measurements").get(0).path("name").asText();
            }
            if (c.has("default_goal")) {
                goal = "maximize".equalsIgnoreCase(c.path("default_goal").asText());
            }
            firstData = 0;
        } else if (allNumeric(split(lines.get(0), delimiter))) {
            throw new PoolException(file + ": line 1 is all numbers ('" + lines.get(0).trim() + "'): the file seems to lack a header row");
        } else {
            header = split(lines.get(0), delimiter);
            firstData = 1;
        }
        Path headerSource = firstData == 0 ? config : file;
        for (int i = 0; i < header.size(); i++) {
            if (header.indexOf(header.get(i)) < i) {
                throw new PoolException(headerSource + ": column '" + header.get(i) + "' is named twice (columns "
                        + (header.indexOf(header.get(i)) + 1) + " and " + (i + 1) + ")");
            }
        }
        if (objective == null) {
            objective = header.get(header.size() - 1);
        }
        boolean max;
        if (maximize != null) {
            max = maximize;
        } else if (goal != null) {
            max = goal;
        } else {
            throw new PoolException(file + ": say whether to --maximize or --minimize '" + objective + "'");
        }
        int objectiveColumn = column(file, header, objective);
        String objectiveName = objective;
        List<String> names = params != null ? params : header.stream().filter(h -> !h.equals(objectiveName)).toList();
        for (String n : names) {
            if (names.indexOf(n) != names.lastIndexOf(n)) {
                throw new PoolException(file + ": parameter '" + n + "' is given twice");
            }
        }
        if (names.contains(objective)) {
            // Each candidate would carry its own answer: any strategy that reads it finds the best at once.
            throw new PoolException(file + ": objective '" + objective + "' cannot also be a parameter");
        }
        if (names.isEmpty()) {
            throw new PoolException(file + ": no parameter columns, only the objective '" + objective + "'");
        }
        int[] columns = names.stream().mapToInt(n -> column(file, header, n)).toArray();

        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>(); // of each row in the file, 1-based; blank lines are skipped
        for (int i = firstData; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = split(lines.get(i), delimiter);
            if (f.size() != header.size()) {
                throw new PoolException(file + ": line " + (i + 1) + " has " + f.size() + " fields, expected " + header.size());
            }
            rows.add(f.toArray(String[]::new));
            lineNumbers.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new PoolException(file + ": no data rows, only the header");
        }
        boolean[] numeric = new boolean[columns.length];
        for (int k = 0; k < columns.length; k++) {
            int col = columns[k];
            // A column is categorical only when most of its cells are text: a few text cells in a column of numbers are
            // typos or gaps, reported below with their line, not a reason to treat every setting as a level.
            numeric[k] = 2 * rows.stream().filter(r -> isNumber(r[col])).count() >= rows.size();
        }
        Map<List<Object>, double[]> grouped = new LinkedHashMap<>(); // key -> {sum, count}
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int line = lineNumbers.get(i);
            double y = finiteNumber(file, line, "objective '" + objective + "'", r[objectiveColumn]);
            List<Object> key = new ArrayList<>();
            for (int k = 0; k < columns.length; k++) {
                String v = r[columns[k]].trim();
                key.add(numeric[k] ? (Object) finiteNumber(file, line, "column '" + names.get(k) + "'", v) : v);
            }
            double[] acc = grouped.computeIfAbsent(key, x -> new double[2]);
            acc[0] += y;
            acc[1]++;
        }
        List<Parameter> space = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            int kk = k;
            if (numeric[k]) {
                double lo = grouped.keySet().stream().mapToDouble(key -> (Double) key.get(kk)).min().orElse(0);
                double hi = grouped.keySet().stream().mapToDouble(key -> (Double) key.get(kk)).max().orElse(1);
                space.add(new Parameter.Continuous(names.get(k), lo, hi));
            } else {
                TreeSet<String> levels = new TreeSet<>();
                grouped.keySet().forEach(key -> levels.add((String) key.get(kk)));
                space.add(new Parameter.Categorical(names.get(k), List.copyOf(levels)));
            }
        }
        List<Map<String, Object>> candidates = new ArrayList<>();
        double[] values = new double[grouped.size()];
        int i = 0;
        for (Map.Entry<List<Object>, double[]> e : grouped.entrySet()) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                c.put(names.get(k), e.getKey().get(k));
            }
            candidates.add(c);
            double mean = e.getValue()[0] / e.getValue()[1];
            values[i++] = max ? mean : -mean;
        }
        return new Pool(file, List.copyOf(names), objective, max, new SearchSpace(space), List.copyOf(candidates), values);
    }

    private static int column(Path file, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new PoolException(file + ": no column '" + name + "'; columns are " + header);
        }
        return i;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PoolException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static JsonNode readConfig(Path config) {
        try {
            return new ObjectMapper().readTree(config.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PoolException(config + ": not valid JSON " + org.athanor.workflow.JsonErrors.describe(e));
        } catch (IOException e) {
            throw new PoolException(config + ": cannot read it: " + e.getMessage());
        }
    }

    /**
     * The table's field separator, from its first line: a comma when it has one outside quotes; else a semicolon or a
     * tab (spreadsheets in locales with a decimal comma save ';'-separated tables, instruments often write tabs).
     */
    static char delimiter(String firstLine) {
        if (split(firstLine, ',').size() > 1) {
            return ',';
        }
        return firstLine.indexOf(';') >= 0 ? ';' : firstLine.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /** Comma-separated fields; double quotes protect commas inside a field. */
    static List<String> split(String line) {
        return split(line, ',');
    }

    /**
     * Fields separated by {@code delimiter}, double quotes protecting it inside a field. With a semicolon or a tab, a
     * number written with a decimal comma ("1,5") is read as 1.5.
     */
    static List<String> split(String line, char delimiter) {
        List<String> fields = splitRaw(line, delimiter);
        if (delimiter == ',') {
            return fields;
        }
        return fields.stream().map(f -> DECIMAL_COMMA.matcher(f).matches() ? f.replace(',', '.') : f).toList();
    }

    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("[+-]?\\d+,\\d+(?:[eE][+-]?\\d+)?");

    private static List<String> splitRaw(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == delimiter && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    private static boolean allNumeric(List<String> fields) {
        return fields.stream().allMatch(Pool::isNumber);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The cell as a number, else an error naming file, line and column. NaN and infinities are refused too: a NaN
     * objective ties with nothing (so no candidate is ever the best), and a NaN setting has no place in the bounds.
     */
    private static double finiteNumber(Path file, int line, String column, String cell) {
        if (!isNumber(cell)) {
            throw new PoolException(file + ": line " + line + ": " + column + " is not a number: '" + cell + "'");
        }
        double v = Double.parseDouble(cell.trim());
        if (!Double.isFinite(v)) {
            throw new PoolException(file + ": line " + line + ": " + column + " is not a finite number: '" + cell + "'");
        }
        return v;
    }

    /** The best value and how many candidates tie for it (within 1e-9 relative). */
    public int ties() {
        double best = best();
        int t = 0;
        for (double v : values) {
            if (isBest(v, best)) {
                t++;
            }
        }
        return t;
    }

    public double best() {
        double b = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            b = Math.max(b, v);
        }
        return b;
    }

    static boolean isBest(double v, double best) {
        return v >= best - 1e-9 * Math.max(1, Math.abs(best));
    }

    /** Random search without replacement needs (N+1)/(t+1) draws on average to hit one of t best among N. */
    public double randomExpectationToBest() {
        return (candidates.size() + 1.0) / (ties() + 1.0);
    }
}

package org.athanor.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.athanor.instruments.analysis.xrd.IdentifiedPhase;
import org.athanor.instruments.analysis.xrd.PhaseIdentification;
import org.athanor.instruments.analysis.xrd.PhaseIdentifier;
import org.athanor.instruments.analysis.xrd.PhaseLibrary;
import org.athanor.instruments.formats.FormatException;
import org.athanor.instruments.formats.PatternReader;
import org.athanor.instruments.formats.XrdPattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Identify and quantify the crystalline phases of measured powder patterns against a library of CIFs.")
public class XrdIdentifyCommand implements Callable<Integer> {

    @Option(names = "--library", required = true, paramLabel = "DIR",
            description = "Directory of CIF files; a phase's id is its file stem. A CIF that cannot be read is left out, with a warning.")
    Path library;

    @Option(names = "--json", description = "One JSON line per pattern: {pattern, phases: [{id, formula, weightFraction, confidence, strain}], rwp, "
            + "amorphousShare (with --blank)}.")
    boolean json;

    @Option(names = "--blank", paramLabel = "FILE", description = "The diffractometer's empty-holder scan over at least the patterns' 2θ range: "
            + "with it the share of X-ray amorphous scattering is read (without it a holder's hump cannot be told from the sample's).")
    Path blank;

    @Option(names = "--count-time", paramLabel = "S", description = "Count time per point of the patterns, seconds (default: the file's "
            + "'countTime' metadata, else the blank's).")
    Double countTime;

    @Option(names = "--blank-count-time", paramLabel = "S", description = "Count time per point of the blank, seconds (default: the file's "
            + "'countTime' metadata, else 1).")
    Double blankCountTime;

    @Parameters(arity = "1..*", paramLabel = "PATTERN", description = "Pattern files: .xy, .csv, .txt, .xrdml, .gsa/.XRA.")
    List<Path> patterns = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PhaseIdentifier identifier;
        try {
            identifier = new PhaseIdentifier(PhaseLibrary.fromDirectory(library,
                    problem -> err.println("athanor xrd identify: left out of the library: " + problem)));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("athanor xrd identify: library " + library + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String blankSeconds = null;
        if (blank != null) {
            try {
                XrdPattern b = PatternReader.read(blank);
                blankSeconds = seconds(blankCountTime, b, "1", "--blank-count-time");
                identifier = identifier.withBlank(b.withMetadata("countTime", blankSeconds));
            } catch (FormatException | IllegalArgumentException | UncheckedIOException e) {
                err.println("athanor xrd identify: blank " + blank + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        int exit = ExitCodes.OK;
        for (Path file : patterns) {
            XrdPattern pattern;
            PhaseIdentification result;
            try {
                pattern = PatternReader.read(file);
                if (blankSeconds != null) {
                    pattern = pattern.withMetadata("countTime", seconds(countTime, pattern, blankSeconds, "--count-time"));
                }
                result = identifier.identify(pattern);
            } catch (FormatException | IllegalArgumentException | UncheckedIOException e) {
                err.println("athanor xrd identify: " + file + ": " + e.getMessage());
                exit = ExitCodes.USAGE;
                continue;
            }
            out.println(json ? jsonLine(file, result) : readable(file, result));
            out.flush();
        }
        return exit;
    }

    private String jsonLine(Path file, PhaseIdentification result) {
        ObjectNode line = mapper.createObjectNode();
        line.put("pattern", file.toString());
        ArrayNode phases = line.putArray("phases");
        for (IdentifiedPhase p : result.phases()) {
            ObjectNode phase = phases.addObject();
            phase.put("id", p.id());
            phase.put("formula", p.formula());
            phase.put("weightFraction", round(p.weightFraction(), 4));
            phase.put("confidence", round(p.confidence(), 2));
            phase.put("strain", round(p.strain(), 5));
        }
        if (Double.isFinite(result.rwp())) {
            line.put("rwp", round(result.rwp(), 2));
        } else {
            line.putNull("rwp");
        }
        if (Double.isFinite(result.amorphousShare())) {
            line.put("amorphousShare", round(result.amorphousShare(), 4));
        }
        return line.toString();
    }

    private static String readable(Path file, PhaseIdentification result) {
        StringBuilder s = new StringBuilder(file.toString()).append(String.format(Locale.ROOT, "  (Rwp %.2f %%)%n", result.rwp()));
        if (result.phases().isEmpty()) {
            s.append("  no phase identified\n");
        }
        for (IdentifiedPhase p : result.phases()) {
            s.append(String.format(Locale.ROOT, "  %-28s %-12s %5.1f wt%%  confidence %.2f%s  strain %+.2f %%%n", p.id(), p.formula(),
                    100 * p.weightFraction(), p.confidence(), p.uncertain() ? " (uncertain)" : "", 100 * p.strain()));
        }
        for (String note : result.notes()) {
            s.append("  note: ").append(note).append('\n');
        }
        return s.toString().stripTrailing();
    }

    /** The count time per point: the option, else the file's metadata, else the fallback. */
    private static String seconds(Double option, XrdPattern p, String fallback, String optionName) {
        if (option != null) {
            if (!(option > 0) || option.isInfinite()) {
                throw new IllegalArgumentException(optionName + " must be a positive number of seconds, was " + option);
            }
            return option.toString();
        }
        return p.metadata().getOrDefault("countTime", fallback);
    }

    private static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }
}

package org.athanor.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.athanor.materials.Notation;
import org.athanor.materials.NotationException;
import org.athanor.materials.NormalizedFormula;
import org.athanor.materials.NotationNormalizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code athanor formula normalize [--json] [--notation auto|formula|oxide|cement|name] INPUT...}: one result per
 * input, in order. Exit 0 when every input was read, 2 when any was not (each bad input gets its own error).
 */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = "Normalise formulas, oxide sums (Na2O·Al2O3·2SiO2, 75Li2S-25P2S5), cement notation (C3S, C-S-H) "
                + "and names (lime, quartz, NMC811, barium titanate) to a canonical reduced formula.")
public class FormulaNormalizeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per input and line: input, formula, composition, notation, name, alternatives; or input, error.")
    boolean json;

    @Option(names = "--notation", defaultValue = "auto", paramLabel = "auto|formula|oxide|cement|name",
            description = "How to read the inputs (default: ${DEFAULT-VALUE}).")
    String notation;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Formulas, notations or names; quote names with spaces.")
    List<String> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Notation n;
        try {
            n = Notation.fromLabel(notation);
        } catch (IllegalArgumentException e) {
            err.println("athanor formula normalize: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        boolean allRead = true;
        for (String input : inputs) {
            try {
                NormalizedFormula r = NotationNormalizer.normalize(input, n);
                out.println(json ? toJson(r) : toText(r));
            } catch (NotationException e) {
                allRead = false;
                if (json) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("input", input);
                    o.put("error", e.getMessage());
                    if (e.position() >= 0) {
                        o.put("position", e.position() + 1);
                    }
                    out.println(o);
                } else {
                    err.println("athanor formula normalize: " + e.getMessage());
                    if (e.position() >= 0) {
                        err.println("  " + e.pointer().replace("\n", "\n  "));
                    }
                }
            }
        }
        out.flush();
        err.flush();
        return allRead ? ExitCodes.OK : ExitCodes.USAGE;
    }

    static ObjectNode toJson(NormalizedFormula r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("input", r.input());
        o.put("formula", r.formula());
        ObjectNode c = o.putObject("composition");
        for (Map.Entry<String, Double> e : r.composition().asMap().entrySet()) {
            double v = e.getValue();
            if (v == Math.rint(v)) {
                c.put(e.getKey(), (long) v);
            } else {
                c.put(e.getKey(), v);
            }
        }
        o.put("notation", r.notation().label());
        if (r.name() != null) {
            o.put("name", r.name());
        }
        if (r.isAmbiguous()) {
            r.alternatives().forEach(o.putArray("alternatives")::add);
        }
        return o;
    }

    private static String toText(NormalizedFormula r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.input()).append(" → ").append(r.formula()).append("  (").append(r.notation().label());
        if (r.name() != null && !r.name().equalsIgnoreCase(r.input().strip())) {
            sb.append(": ").append(r.name());
        }
        sb.append(String.format(", %.3f g/mol)", r.composition().molarMass()));
        if (r.isAmbiguous()) {
            sb.append("\n  ambiguous: read as ").append(r.formula()).append("; could also be ")
                    .append(String.join(", ", r.alternatives()));
        }
        return sb.toString();
    }
}

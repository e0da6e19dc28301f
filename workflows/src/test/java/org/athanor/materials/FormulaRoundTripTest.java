package org.athanor.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse → print → parse is stable, for generated compositions and for generated written forms. */
class FormulaRoundTripTest {

    @Property(tries = 400)
    void printingAndParsingAGeneratedCompositionGivesItBack(@ForAll("compositions") Composition c) {
        Composition again = Formula.parse(c.formula());
        assertThat(again).isEqualTo(c);
        assertThat(Formula.parse(c.reducedFormula()).reducedFormula()).isEqualTo(c.reducedFormula());
    }

    @Property(tries = 400)
    void aWrittenFormulaParsesToTheSameCompositionAfterPrinting(@ForAll("writtenFormulas") String written) {
        Composition first = Formula.parse(written);
        String printed = first.formula();
        Composition second = Formula.parse(printed);
        assertThat(second).isEqualTo(first);
        assertThat(second.formula()).isEqualTo(printed);
        assertThat(NotationNormalizer.normalize(printed, Notation.FORMULA).composition().sameRatiosAs(first)).isTrue();
    }

    @Provide
    Arbitrary<Composition> compositions() {
        Arbitrary<Element> element = Arbitraries.of(Element.values()).filter(e -> e.atomicNumber() <= 94);
        Arbitrary<Double> amount = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 24).map(Integer::doubleValue),
                Arbitraries.integers().between(1, 999).map(i -> i / 100.0));
        return Combinators.combine(element, amount).as(Composition::of).list().ofMinSize(1).ofMaxSize(6)
                .map(list -> list.stream().reduce(Composition.empty(), Composition::plus));
    }

    /** Formulas with groups, brackets, hydrates, subscripts and decimals, built from random parts. */
    @Provide
    Arbitrary<String> writtenFormulas() {
        Arbitrary<String> symbol = Arbitraries.of(List.of("Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Al", "Si", "Ti", "Fe",
                "Co", "Ni", "Cu", "Zn", "Y", "La", "Zr", "Nb", "Mo", "W", "Bi", "P", "S", "C", "N", "H", "O", "F", "Cl"));
        Arbitrary<String> count = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(2, 12).map(String::valueOf),
                Arbitraries.integers().between(1, 99).map(i -> "0." + (i < 10 ? "0" + i : String.valueOf(i)).replaceAll("0$", "")));
        Arbitrary<String> atom = Combinators.combine(symbol, count).as(String::concat);
        Arbitrary<String> group = atom.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
        Arbitrary<String> bracketed = Combinators.combine(group, Arbitraries.integers().between(2, 4))
                .as((g, n) -> "(" + g + ")" + n);
        Arbitrary<String> body = Combinators.combine(group, bracketed.optional(), group.optional())
                .as((a, b, c) -> a + b.orElse("") + c.orElse(""));
        Arbitrary<String> hydrate = Arbitraries.of("", "·2H2O", "·6H2O", "·0.5H2O", ".5H2O");
        Map<Character, Character> sub = new LinkedHashMap<>();
        for (char d = '0'; d <= '9'; d++) {
            sub.put(d, (char) ('₀' + (d - '0')));
        }
        return Combinators.combine(body, hydrate, Arbitraries.of(false, true)).as((b, h, subscripts) -> {
            String f = b + h;
            if (!subscripts || f.contains(".")) {
                return f;
            }
            StringBuilder sb = new StringBuilder();
            for (char ch : f.toCharArray()) {
                sb.append(sub.getOrDefault(ch, ch));
            }
            return sb.toString();
        });
    }
}

package org.athanor.materials.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.athanor.materials.Notation;
import org.athanor.materials.NotationNormalizer;
import org.athanor.materials.TextMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Normalisation throughput on a mixed corpus (formulas, hydrates, nonstoichiometric formulas, oxide sums, mole-ratio
 * mixtures, cement notation, common/mineral/trade names, abbreviations, systematic names), and free-text scanning of
 * goal sentences. Run: {@code ./bench workflows NormalizationBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizationBenchmark {

    private static final List<String> CORPUS = List.of(
            "BaTiO3", "Ca3(PO4)2", "LiNi0.8Co0.15Al0.05O2", "CuSO4·5H2O", "MgCl2.6H2O", "Fe₂O₃", "La0.6Sr0.4CoO3-δ",
            "YBa2Cu3O7-x", "K4[Fe(CN)6]", "(NH4)6Mo7O24·4H2O", "Na2O·Al2O3·2SiO2", "SiO2-0.5Na2O-0.5Al2O3",
            "75Li2S-25P2S5", "3Al2O3·2SiO2", "C3S", "C2S", "C3A", "C4AF", "C-S-H", "C4A3S̅", "lime", "quartz",
            "corundum", "hematite", "wollastonite", "NMC811", "LLZO", "YSZ", "soda ash", "barium titanate",
            "lithium carbonate", "iron(III) oxide", "manganese(IV) oxide", "ammonium dihydrogen phosphate",
            "copper(II) sulfate pentahydrate", "vanadium pentoxide", "lithium iron phosphate", "Li7La3Zr2O12",
            "Bi4Ti3O12", "Ce0.9Gd0.1O1.95");
    private static final List<String> SENTENCES = List.of(
            "Synthesize 2 g of SrTiO3 from SrCO3 and TiO2, confirm by XRD, maximum 1200 °C.",
            "Make belite (C2S) for a cement study, no hotter than 1400 °C, XRD to check.",
            "Calcine limestone to quicklime (CaO) at 1000 °C for 4 h.",
            "Mix potassium nitrate, sulfur and charcoal and heat to 400 °C.");

    @Benchmark
    @OperationsPerInvocation(40)
    public void normalizeMixedCorpus(Blackhole bh) {
        for (String s : CORPUS) {
            bh.consume(NotationNormalizer.normalize(s, Notation.AUTO));
        }
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void findInGoalSentences(Blackhole bh) {
        for (String s : SENTENCES) {
            List<TextMatch> m = NotationNormalizer.findInText(s);
            bh.consume(m);
        }
    }
}

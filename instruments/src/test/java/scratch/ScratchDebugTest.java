package scratch;

import java.util.List;
import org.athanor.instruments.analysis.TwoColumnFixture;
import org.athanor.instruments.analysis.signal.*;
import org.athanor.instruments.formats.RamanSpectrum;
import org.junit.jupiter.api.Test;

class ScratchDebugTest {
    @Test
    void dump() {
        for (String f : List.of("S0N10_iR532_Probe_100_30000msx3_shift_counts.csv", "PST10_iR785_OP01_40000msx4.txt")) {
            RamanSpectrum s = TwoColumnFixture.raman("/org/athanor/instruments/analysis/raman/" + f);
            double[] x = s.ramanShift(), y = s.intensity();
            long t0 = System.nanoTime();
            double[] b = AsymmetricLeastSquares.baseline(y, 1e5, 0.01, 20);
            long t1 = System.nanoTime();
            List<DetectedPeak> d = new PeakSearch(2, 5.0, 0.01, 20).find(x, y, b);
            long t2 = System.nanoTime();
            System.out.println(f + " als ms " + (t1 - t0) / 1e6 + " search ms " + (t2 - t1) / 1e6 + " n=" + d.size());
            for (DetectedPeak p : d) System.out.printf("%.1f h=%.0f w=%.1f sig=%.1f%n", p.position(), p.height(), p.fwhm(), p.significance());
        }
    }
}

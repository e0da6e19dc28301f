package org.athanor.instruments.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsCsvSpectrumWithCommentsAndLaserWavelengthWrittenWithDecimalComma() {
        RamanSpectrum s = SpectrumReader.read(PatternReaderTest.resource("ramanchada2/PST10_iR532_Probe_100_3000msx7_shift_counts.csv"));
        assertThat(s.size()).isEqualTo(1801);
        assertThat(s.ramanShift()[0]).isEqualTo(145.99);
        assertThat(s.intensity()[0]).isEqualTo(5655.3);
        assertThat(s.ramanShift()[s.size() - 1]).isEqualTo(4010.28);
        assertThat(s.metadata()).containsEntry("laserWavelengthNm", "532.02");
    }

    @Test
    void readsTabSeparatedSpectrumWithoutHeader() {
        RamanSpectrum s = SpectrumReader.read(PatternReaderTest.resource("ramanchada2/PST10_iR785_OP01_40000msx4.txt"));
        assertThat(s.ramanShift()[0]).isEqualTo(120.387);
        assertThat(s.intensity()[0]).isEqualTo(25850.8);
        assertThat(s.ramanShift()[s.size() - 1]).isEqualTo(3199.64);
    }

    @Test
    void rejectsSpectrumWithGarbageRowNamingTheLineAndRamanShift() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "shift,counts\n100,5\n101,6\n102;;\n");
        assertThatThrownBy(() -> SpectrumReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("bad.csv:4").hasMessageContaining("Raman shift");
    }

    @Test
    void roundTripsThroughTheCsvWriterIncludingMetadata() {
        RamanSpectrum s = SpectrumReader.read(PatternReaderTest.resource("ramanchada2/S0N10_iR532_Probe_100_30000msx3_shift_counts.csv"));
        Path out = dir.resolve("copy/si.csv");
        PatternWriter.writeCsv(s, out);
        RamanSpectrum back = SpectrumReader.read(out);
        assertThat(back.ramanShift()).containsExactly(s.ramanShift());
        assertThat(back.intensity()).containsExactly(s.intensity());
        assertThat(back.metadata()).containsEntry("laserWavelengthNm", "532.02");
    }
}

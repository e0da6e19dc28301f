package org.athanor.instruments.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternReaderTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(PatternReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsGsasStdBankIdenticallyToAnIndependentTwoColumnConversion() {
        XrdPattern gsas = PatternReader.read(resource("gsas2_PbSO4/PBSO4.XRA"));
        XrdPattern xy = PatternReader.read(resource("gsas2_PbSO4/PbSO4_CuKa_CPD1989_2theta_counts.xy"));

        assertThat(gsas.size()).isEqualTo(6001).isEqualTo(xy.size());
        for (int i = 0; i < gsas.size(); i++) {
            assertThat(gsas.twoTheta()[i]).isCloseTo(xy.twoTheta()[i], within(1e-9));
            assertThat(gsas.intensity()[i]).isEqualTo(xy.intensity()[i]);
        }
        assertThat(gsas.metadata()).containsEntry("binType", "CONST").containsEntry("recordType", "STD");
    }

    @Test
    void readsGsasEsdRecordsAsIntensityEsdPairs() {
        XrdPattern p = PatternReader.read(resource("synthetic/esd.gsa"));
        assertThat(p.twoTheta()).containsExactly(new double[] {20.0, 20.05, 20.1, 20.15, 20.2, 20.25, 20.3}, within(1e-9));
        assertThat(p.intensity()).containsExactly(100, 120, 140, 160, 180, 200, 220);
    }

    @Test
    void readsGsasAltRecordsWithExplicitCentidegreePositions() {
        XrdPattern p = PatternReader.read(resource("synthetic/alt.gsa"));
        assertThat(p.twoTheta()).containsExactly(new double[] {15.0, 15.025, 15.06, 15.105, 15.11}, within(1e-9));
        assertThat(p.intensity()).containsExactly(10, 20, 30, 40, 50);
    }

    @Test
    void rejectsGsasBankThatPromisesMorePointsThanItHolds() throws IOException {
        String title = "short bank".repeat(8);
        Path p = file("short.gsa", title + "\nBANK 1 30 3 CONST 1000 2.5 0 0 STD\n"
                + "     179     147     165     172     150     165     150     158     134     146\n");
        assertThatThrownBy(() -> PatternReader.read(p))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("short.gsa:3")
                .hasMessageContaining("promises 30 points but the file holds 10");
    }

    @Test
    void rejectsGsasNonNumericIntensityNamingLineAndColumn() throws IOException {
        Path p = file("bad.gsa", "title\nBANK 1 3 1 CONST 1000 2.5 0 0 STD\n     179     1x7     165\n");
        assertThatThrownBy(() -> PatternReader.read(p))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("bad.gsa:3")
                .hasMessageContaining("column 9");
    }

    @Test
    void rejectsTimeOfFlightBanks() throws IOException {
        Path p = file("tof.gsa", "title\nBANK 1 3 1 LOG6 1000 20000 0.0005 0 STD\n     1     2     3\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("tof.gsa:2").hasMessageContaining("time-of-flight");
    }

    @Test
    void readsTabSeparatedXyMeasuredPattern() {
        XrdPattern p = PatternReader.read(resource("xrd-autoanalyzer/TiO2.xy"));
        assertThat(p.size()).isEqualTo(9001);
        assertThat(p.twoTheta()[0]).isEqualTo(10.0);
        assertThat(p.intensity()[0]).isEqualTo(1696.0);
        assertThat(p.twoTheta()[p.size() - 1]).isEqualTo(100.0);
    }

    @Test
    void readsCsvWithHeaderCommentsAndExtraEsdColumn() throws IOException {
        Path p = file("scan.csv", "# radiation: CuKa1\n2theta,intensity,esd\n10.0,5,2.2\n10.5,7,2.6\n11.0,9,3.0\n");
        XrdPattern x = PatternReader.read(p);
        assertThat(x.twoTheta()).containsExactly(10.0, 10.5, 11.0);
        assertThat(x.intensity()).containsExactly(5, 7, 9);
        assertThat(x.radiation()).isEqualTo("CuKa1");
    }

    @Test
    void readsSemicolonSeparatedTextWithDecimalCommas() throws IOException {
        Path p = file("scan.txt", "Angle;Counts\n10,25;100\n10,50;120,5\n");
        XrdPattern x = PatternReader.read(p);
        assertThat(x.twoTheta()).containsExactly(10.25, 10.5);
        assertThat(x.intensity()).containsExactly(100, 120.5);
    }

    @Test
    void reversesDescendingPatterns() throws IOException {
        XrdPattern x = PatternReader.read(file("desc.xy", "12 3\n11 2\n10 1\n"));
        assertThat(x.twoTheta()).containsExactly(10, 11, 12);
        assertThat(x.intensity()).containsExactly(1, 2, 3);
    }

    @Test
    void rejectsTextRowAfterDataNamingTheLine() throws IOException {
        Path p = file("broken.xy", "# comment\n10 1\n11 2\nhello world\n12 3\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("broken.xy:4").hasMessageContaining("hello world");
    }

    @Test
    void rejectsSingleColumnRow() throws IOException {
        Path p = file("one.xy", "10 1\n11\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("one.xy:2").hasMessageContaining("found one");
    }

    @Test
    void rejectsNonMonotonicTwoTheta() throws IOException {
        Path p = file("zigzag.xy", "10 1\n11 2\n10.5 3\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("zigzag.xy:3").hasMessageContaining("not monotonic");
    }

    @Test
    void rejectsFileWithoutData() throws IOException {
        Path p = file("empty.csv", "# nothing\n2theta,intensity\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("no data rows");
    }

    @Test
    void readsXrdmlStartEndPositionsWithEvenSpacing() {
        XrdPattern p = PatternReader.read(resource("synthetic/scan-start-end.xrdml"));
        assertThat(p.size()).isEqualTo(11);
        assertThat(p.twoTheta()[0]).isEqualTo(20.0);
        assertThat(p.twoTheta()[10]).isCloseTo(21.0, within(1e-12));
        assertThat(p.twoTheta()[5]).isCloseTo(20.5, within(1e-12));
        assertThat(p.intensity()[3]).isEqualTo(900);
        assertThat(p.metadata()).containsEntry("anode", "Cu").containsEntry("wavelengthKa1", "1.5405980")
                .containsEntry("radiation", "CuKa").containsEntry("countTime", "0.50");
    }

    @Test
    void readsXrdmlListPositionsAndCounts() {
        XrdPattern p = PatternReader.read(resource("synthetic/scan-list-counts.xrdml"));
        assertThat(p.twoTheta()).containsExactly(30.0, 30.5, 31.25, 32.0);
        assertThat(p.intensity()).containsExactly(5, 7, 11, 13);
    }

    @Test
    void rejectsXrdmlWithMismatchedCountsNamingTheLine() throws IOException {
        Path p = file("mismatch.xrdml", "<?xml version=\"1.0\"?>\n<xrdMeasurements>\n<xrdMeasurement><scan><dataPoints>\n"
                + "<positions axis=\"2Theta\"><listPositions>1 2 3</listPositions></positions>\n"
                + "<intensities>4 5</intensities>\n</dataPoints></scan></xrdMeasurement></xrdMeasurements>\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("mismatch.xrdml:5").hasMessageContaining("3 2θ positions but 2 intensities");
    }

    @Test
    void rejectsMalformedXmlWithItsLine() throws IOException {
        Path p = file("broken.xrdml", "<?xml version=\"1.0\"?>\n<xrdMeasurements>\n<scan>\n</xrdMeasurements>\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("broken.xrdml:4").hasMessageContaining("not well-formed");
    }

    @Test
    void rejectsXrdmlNumberThatIsNotANumber() throws IOException {
        Path p = file("nan.xrdml", "<xrdMeasurements><xrdMeasurement><scan><dataPoints>\n"
                + "<positions axis=\"2Theta\"><startPosition>ten</startPosition><endPosition>20</endPosition></positions>\n"
                + "<intensities>1 2</intensities></dataPoints></scan></xrdMeasurement></xrdMeasurements>\n");
        assertThatThrownBy(() -> PatternReader.read(p)).isInstanceOf(FormatException.class)
                .hasMessageContaining("nan.xrdml:2").hasMessageContaining("startPosition is not a number: 'ten'");
    }

    @Test
    void reportsMissingFile() {
        assertThatThrownBy(() -> PatternReader.read(dir.resolve("absent.xy"))).isInstanceOf(FormatException.class)
                .hasMessageContaining("no such file");
    }
}

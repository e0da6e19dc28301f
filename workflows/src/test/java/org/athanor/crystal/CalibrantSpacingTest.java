package org.athanor.crystal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * d-spacings of the pyFAI calibrant tables (NIST SRM 640e Si, 660c LaB6, 676a corundum, CeO2, quartz, ZnO, …; pyFAI,
 * MIT) from their cell parameters: an independent check of the lattice metric for cubic, tetragonal, hexagonal and
 * rhombohedral (hexagonal axes) cells.
 */
class CalibrantSpacingTest {

    private static final Pattern CELL = Pattern.compile(
            "a=([0-9.]+).*?b=([0-9.]+).*?c=([0-9.]+)\\S*\\s+(?:alpha|α)=([0-9.]+).*?(?:beta|β)=([0-9.]+).*?(?:gamma|γ)=([0-9.]+)");
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9.]+)\\s*#\\s*\\(\\s*(-?\\d+)[,\\s]+(-?\\d+)[,\\s]+(-?\\d+)\\s*\\)");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Al.D", "Au.D", "CeO2.D", "LaB6_SRM660c.D", "NaCl.D", "Si_SRM640e.D", "TiO2.D", "ZnO.D",
        "alpha_Al2O3_SRM676a.D", "quartz.D"})
    void latticeSpacingsMatchTheCalibrantTables(String file) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream(
                "/org/athanor/crystal/xrd-reference/pymatgen-suite/pyfai_calibrants/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher cell = CELL.matcher(text);
        assertThat(cell.find()).as("cell line").isTrue();
        Lattice lattice = new Lattice(Double.parseDouble(cell.group(1)), Double.parseDouble(cell.group(2)),
                Double.parseDouble(cell.group(3)), Double.parseDouble(cell.group(4)), Double.parseDouble(cell.group(5)),
                Double.parseDouble(cell.group(6)));

        int checked = 0;
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                double d = Double.parseDouble(m.group(1));
                double computed = lattice.dSpacing(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)));
                // the header rounds the cell to 4-6 digits; the tables use the certified cell
                assertThat(computed).as(line).isCloseTo(d, within(2e-5 * d));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }
}

package org.athanor.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void temperaturesConvertAffinely() {
        assertThat(Units.convert(100, "°C", "°F")).isCloseTo(212, within(1e-9));
        assertThat(Units.convert(-40, "°F", "°C")).isCloseTo(-40, within(1e-9));
        assertThat(Units.convert(0, "K", "°C")).isCloseTo(-273.15, within(1e-9));
        assertThat(Units.convert(1573, "K", "°C")).isCloseTo(1299.85, within(1e-9));
        assertThat(Units.convert(32, "°F", "K")).isCloseTo(273.15, within(1e-9));
    }

    @Test
    void rampsAreTemperatureDifferencesPerTime() {
        assertThat(Units.convert(5, "°C/min", "K/min")).isCloseTo(5, within(1e-12));
        assertThat(Units.convert(5, "°C/min", "K/h")).isCloseTo(300, within(1e-9));
        assertThat(Units.convert(1, "°C/min", "°F/min")).isCloseTo(1.8, within(1e-12));
        assertThat(Units.convert(2, "°C/s", "°C/min")).isCloseTo(120, within(1e-9));
    }

    @Test
    void massTimeAngleWavenumberPowerFlowAndPressure() {
        assertThat(Units.convert(500, "mg", "g")).isCloseTo(0.5, within(1e-12));
        assertThat(Units.convert(2, "t", "g")).isCloseTo(2e6, within(1e-6));
        assertThat(Units.convert(12, "h", "min")).isCloseTo(720, within(1e-9));
        assertThat(Units.convert(180, "deg", "rad")).isCloseTo(Math.PI, within(1e-12));
        assertThat(Units.convert(1.5406, "Å", "nm")).isCloseTo(0.15406, within(1e-12));
        assertThat(Units.convert(1, "cm-1", "cm-1")).isEqualTo(1);
        assertThat(Units.convert(0.5, "W", "mW")).isCloseTo(500, within(1e-9));
        assertThat(Units.convert(1, "L/min", "sccm")).isCloseTo(1000, within(1e-9));
        assertThat(Units.convert(1, "atm", "Torr")).isCloseTo(760, within(1e-9));
        assertThat(Units.convert(1, "bar", "kPa")).isCloseTo(100, within(1e-9));
    }

    @Test
    void refusesToMixDimensions() {
        assertThatThrownBy(() -> Units.convert(1, "°C", "g")).isInstanceOf(UnitException.class)
                .hasMessageContaining("temperature").hasMessageContaining("mass");
        assertThatThrownBy(() -> Units.convert(1, "K", "K/min")).hasMessageContaining("ramp");
        assertThatThrownBy(() -> Units.convert(1, "furlong", "m")).hasMessageContaining("furlong");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"degC|°C", "C|°C", "celsius|°C", "℃|°C", "kelvin|K", "hours|h", "hr|h",
            "°C min-1|°C/min", "K·min⁻¹|K/min", "°C per minute|°C/min", "C/min|°C/min", "degC/h|°C/h", "ml min-1|mL/min",
            "mL/min|mL/min", "1/cm|cm-1", "cm^-1|cm-1", "cm⁻¹|cm-1", "°|deg", "degrees|deg", "mW|mW", "W|W",
            "angstrom|Å", "minutes|min", "wt%|wt%", "mol%|mol%", "tonnes|t", "metric tons|t"})
    void canonicalisesTheSpellingsUsersType(String typed, String canonical) {
        assertThat(Units.canonical(typed)).isEqualTo(canonical);
        assertThat(Units.isKnown(typed)).isTrue();
    }

    @Test
    void dimensionsAreNamed() {
        assertThat(Units.dimension("K/min")).isEqualTo("ramp");
        assertThat(Units.dimension("cm-1")).isEqualTo("wavenumber");
        assertThat(Units.dimension("sccm")).isEqualTo("flow");
        assertThat(Units.dimension("mW")).isEqualTo("power");
        assertThat(Units.dimension("deg")).isEqualTo("angle");
        assertThat(Units.jsr385("K").getSymbol()).isEqualTo("K");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2377.450244649236|3|2377", "123.98519761941095|3|124", "12.6184|3|12.6",
            "0.3333333333333333|3|0.333", "4.308000000001|6|4.308", "0.84620000000001|6|0.8462", "1150.0|6|1150",
            "1.5|3|1.5", "-0.049999|2|-0.05", "0.00041234|2|0.00041", "99.96|3|100", "0|3|0", "1e30|3|1e30",
            "2.5e18|3|2.5e18"})
    void computedNumbersAreRoundedForPeopleButKeepTheirWholePart(double value, int significant, String shown) {
        assertThat(Units.rounded(value, significant)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2|2", "2.5|2.5", "1e30|1e30", "1.25e18|1.25e18", "-3e20|-3e20", "1e-7|1e-7", "0.0001|0.0001"})
    void aNumberIsWrittenWithoutANeedlessPointZeroAtAnySize(double value, String shown) {
        assertThat(Units.format(value)).isEqualTo(shown);
    }
}

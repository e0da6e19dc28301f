package org.athanor.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.athanor.workflow.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1500 K|1500|K", "2 g|2|g", "500 mg|500|mg", "3 K/min|3|K/min", "12 h|12|h",
            "1,200 °C|1200|°C", "2 °C min-1|2|°C/min", "2g|2|g", "1500K|1500|K", "0.5 W|0.5|W", "785 nm|785|nm",
            "1,5 g|1.5|g", "1\u2009200 °C|1200|°C", "−10 °C|-10|°C", "1.2e3 cm-1|1200|cm-1", "30°|30|deg",
            "50 sccm|50|sccm", "100 mL/min|100|mL/min", "10 mW|10|mW", "4 hours|4|h", "2 °C/min|2|°C/min",
            "10 wt%|10|wt%", " 800 degC |800|°C", "2,000,000 mg|2000000|mg"})
    void readsWhatUsersType(String typed, double value, String unit) {
        Quantity q = QuantityParser.parse(typed);
        assertThat(q.value()).isCloseTo(value, within(1e-9));
        assertThat(q.unit()).isEqualTo(unit);
    }

    @Test
    void parsedQuantitiesConvert() {
        assertThat(QuantityParser.parse("1573 K").celsius()).isCloseTo(1299.85, within(1e-9));
        assertThat(QuantityParser.parse("2 °C min-1").celsiusPerMinute()).isEqualTo(2);
        assertThat(QuantityParser.parse("500 mg").grams()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void errorsSayWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> QuantityParser.parse("12")).isInstanceOf(UnitException.class).hasMessageContaining("no unit");
        assertThatThrownBy(() -> QuantityParser.parse("2 furlongs")).hasMessageContaining("'furlongs'")
                .hasMessageContaining("position 3");
        assertThatThrownBy(() -> QuantityParser.parse("hot")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> QuantityParser.parse("")).hasMessageContaining("empty");
    }

    @Test
    void checksTheDimensionWhenAsked() {
        assertThat(QuantityParser.parse("800 °C", "temperature").value()).isEqualTo(800);
        assertThatThrownBy(() -> QuantityParser.parse("800 g", "temperature")).hasMessageContaining("mass");
    }

    @Test
    void findsQuantitiesInASentence() {
        String s = "Heat 2 g at 5 K/min to 1,200 °C, hold 10 h under 50 mL/min Ar, then measure 3 samples at 532 nm.";
        List<QuantityParser.Match> found = QuantityParser.findInText(s);
        assertThat(found).extracting(m -> m.quantity().toString())
                .containsExactly("2 g", "5 K/min", "1200 °C", "10 h", "50 mL/min", "532 nm");
        for (QuantityParser.Match m : found) {
            assertThat(s.substring(m.start(), m.end())).isNotBlank();
        }
        assertThat(s.substring(found.get(2).start(), found.get(2).end())).isEqualTo("1,200 °C");
    }
}

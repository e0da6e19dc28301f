package org.athanor.instruments.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.athanor.workflow.HeatSegment;
import org.junit.jupiter.api.Test;

class OpcUaFurnaceTest {

    @Test
    void programLabDurationCountsRampsHoldsAndCoolingAllowance() {
        // 25→1000 °C at 5 °C/min = 195 min, hold 2 h = 120 min, down to 600 °C at 10 °C/min = 40 min, hold 1 h = 60 min,
        // cooling allowance (1000 - 100) / 2 °C/min = 450 min: 865 min in all.
        Duration d = OpcUaFurnace.labDuration(List.of(HeatSegment.celsius(1000, 5, 2), HeatSegment.celsius(600, 10, 1)));
        assertThat(d).isEqualTo(Duration.ofMinutes(865));
    }
}

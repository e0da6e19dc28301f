package org.athanor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandIdsTest {

    @Test
    void theSameAttemptAlwaysGetsTheSameIdAndAnotherAttemptAnotherId() {
        assertThat(CommandIds.of("run-7", "3", "heat", 1)).isEqualTo(CommandIds.of("run-7", "3", "heat", 1));
        assertThat(CommandIds.of("run-7", "3", "heat", 1)).isNotEqualTo(CommandIds.of("run-7", "3", "heat", 2))
                .isNotEqualTo(CommandIds.of("run-7", "4", "heat", 1)).isNotEqualTo(CommandIds.of("run-8", "3", "heat", 1));
    }

    @Test
    void eventTypeNamesRoundTrip() {
        for (EngineEvent.Type t : EngineEvent.Type.values()) {
            assertThat(EngineEvent.Type.fromJson(t.json())).isEqualTo(t);
        }
        assertThat(EngineEvent.Type.STEP_DISPATCHED.json()).isEqualTo("step.dispatched");
        assertThat(EngineEvent.Type.RUN_AWAITING_APPROVAL.json()).isEqualTo("run.awaiting-approval");
    }
}

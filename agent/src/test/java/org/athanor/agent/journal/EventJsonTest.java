package org.athanor.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.athanor.engine.EngineEvent;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void aJournalLineCarriesTheLinksFirstAndTheDataAfterWithoutShadowingThem() throws Exception {
        EngineEvent e = new EngineEvent("e1", EngineEvent.Type.STEP_FAILED, Instant.parse("2026-01-01T10:00:00Z"), "run-1", "2", "heat",
                "c-9", Map.of("reason", "interlock open", "type", "not the event type"));

        JsonNode line = new ObjectMapper().readTree(EventJson.line(e));

        assertThat(line.fieldNames()).toIterable().startsWith("type", "time", "experiment", "step", "commandId");
        assertThat(line.get("type").asText()).isEqualTo("step.failed");
        assertThat(line.get("time").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(line.get("commandId").asText()).isEqualTo("c-9");
        assertThat(line.get("reason").asText()).isEqualTo("interlock open");
        assertThat(line.get("data").get("type").asText()).isEqualTo("not the event type");
    }

    @Test
    void dataRoundTripsThroughItsColumn() {
        Map<String, Object> data = Map.of("attempt", 2, "peaks", java.util.List.of(1.5, 2.5), "ok", true);
        EngineEvent e = new EngineEvent("e1", EngineEvent.Type.STEP_COMPLETED, Instant.EPOCH, "r", "1", "s", "c", data);

        assertThat(EventJson.parseData(EventJson.data(e))).isEqualTo(data);
    }
}

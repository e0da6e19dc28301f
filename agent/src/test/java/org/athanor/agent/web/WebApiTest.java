package org.athanor.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.athanor.agent.journal.JdbcJournal.Stored;
import org.athanor.engine.EngineEvent;
import org.athanor.engine.EngineEvent.Type;
import org.junit.jupiter.api.Test;

class WebApiTest {

    @Test
    void aMeasurementsDataArraysAreLeftOutAndTheirLengthGiven() {
        List<Double> twoTheta = new ArrayList<>(IntStream.range(0, 6501).mapToObj(i -> 10 + i * 0.02).toList());
        List<Double> intensity = new ArrayList<>(IntStream.range(0, 6501).mapToObj(i -> (double) i).toList());
        var e = new EngineEvent("m1", Type.MEASUREMENT, Instant.parse("2026-01-06T03:45:54Z"), "r1", "e1", "S1-xrd", "c-9",
                Map.of("kind", "xrd", "sample", "S1-e1", "twoTheta", twoTheta, "intensity", intensity, "phases", List.of("a", "b")));
        Map<String, Object> f = WebApi.eventFields(new Stored(42, e));
        assertThat(f).containsEntry("seq", 42L).containsEntry("type", "measurement").containsEntry("step", "S1-xrd")
                .containsEntry("commandId", "c-9").containsEntry("sample", "S1-e1").containsEntry("points", 6501)
                .containsEntry("phases", List.of("a", "b"))
                .doesNotContainKeys("twoTheta", "intensity");
    }
}

package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.athanor.agent.campaign.OperatorControl.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorControlTest {

    @TempDir
    Path data;

    @Test
    void eachRequestIsNumberedAfterTheFilesLastAndReadBackWhole() throws Exception {
        Path file = OperatorControl.runFile(data, "r1");
        assertThat(OperatorControl.read(file)).isEmpty();

        var first = OperatorControl.send(file, Action.PAUSE, "checking the exhaust", "ada");
        var second = OperatorControl.send(file, Action.RESUME, "", "ada");

        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        var read = OperatorControl.read(file).orElseThrow();
        assertThat(read).isEqualTo(second);
        assertThat(read.action()).isEqualTo(Action.RESUME);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind").containsExactly("control.json");
        }
    }

    @Test
    void aFileThatIsNotARequestIsAnErrorNamingTheFile() throws Exception {
        Path file = OperatorControl.labFile(data);
        Files.writeString(file, "{\"seq\": 3, \"action\": \"halt\", \"at\": \"2026-01-01T00:00:00Z\"}");
        assertThatThrownBy(() -> OperatorControl.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("HALT");
        Files.writeString(file, "pause please");
        assertThatThrownBy(() -> OperatorControl.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not JSON");
    }

    @Test
    void anAcknowledgementSaysWhatTheRunsProcessApplied() throws Exception {
        assertThat(OperatorControl.acknowledged(data, "r1")).isEmpty();
        var ack = new OperatorControl.Ack(4, 2, true, false, Instant.parse("2026-01-01T08:00:00Z"));
        OperatorControl.acknowledge(OperatorControl.ackFile(data, "r1"), ack);
        assertThat(OperatorControl.acknowledged(data, "r1")).contains(ack);
    }
}

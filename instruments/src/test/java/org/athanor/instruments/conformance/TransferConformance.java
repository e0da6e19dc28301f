package org.athanor.instruments.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.CommandRejectedException;
import org.athanor.instruments.Instrument;
import org.athanor.instruments.Transfer;
import org.athanor.instruments.TransferResult;
import org.athanor.workflow.Action;
import org.junit.jupiter.api.Test;

/** The contract every {@link Transfer} implementation meets. */
public abstract class TransferConformance extends CapabilityConformance {

    protected abstract Transfer transfer();

    /** Where the sample from {@link #sampleFor} can be moved to. */
    protected String destination() {
        return "mill-1";
    }

    @Override
    protected Instrument instrument() {
        return transfer();
    }

    @Test
    void movesTheSampleToTheNamedLocation() {
        String sample = sampleFor(transfer().id());
        TransferResult r = await(transfer().transfer(approve(step(newStepId("transfer"), Action.TRANSFER, transfer().id(), sample,
                Map.of("from", "rack", "to", destination())))));
        assertThat(r.completed()).isTrue();
        assertThat(r.to()).isEqualTo(destination());
        assertThat(r.sample()).isEqualTo(sample);
    }

    @Test
    void refusesATransferWithoutADestination() {
        ApprovedStep nowhere = approve(step(newStepId("transfer"), Action.TRANSFER, transfer().id(), sampleFor(transfer().id()),
                Map.of("from", "rack")));
        assertThatThrownBy(() -> transfer().transfer(nowhere)).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("no 'to'");
        assertNeverReachedDevice(nowhere.command().commandId());
    }
}

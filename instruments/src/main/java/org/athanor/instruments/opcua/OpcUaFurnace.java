package org.athanor.instruments.opcua;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.athanor.instruments.ApprovedStep;
import org.athanor.instruments.Command;
import org.athanor.instruments.DriverOptions;
import org.athanor.instruments.Furnace;
import org.athanor.instruments.FurnaceProgramResult;
import org.athanor.instruments.InstrumentException;
import org.athanor.instruments.config.InstrumentConfig;
import org.athanor.workflow.Action;
import org.athanor.workflow.Atmosphere;
import org.athanor.workflow.HeatSegment;
import org.athanor.workflow.WorkflowJson;
import org.athanor.workflow.approval.ApprovalTokens;

/**
 * {@link Furnace} over OPC UA: {@code StartProgram(commandId, approvalToken, programJson)} with programJson
 * {@code {"samples", "atmosphere", "profile"}} in the workflow schema's own form, {@code SetDoor}, {@code Abort}.
 * The program's wall-clock timeout is derived from its lab duration (ramps, holds, and cooling to 100 °C) and the lab
 * clock's pace.
 */
public final class OpcUaFurnace extends OpcUaInstrument implements Furnace {

    /**
     * Cooling allowance for the timeout only: 2 °C/min, slower than the natural cooling of a closed box furnace
     * from 1000 °C (about 3–5 °C/min at first), so the wait errs long.
     */
    private static final double COOLING_C_PER_MIN = 2.0;

    public OpcUaFurnace(InstrumentConfig config, ApprovalTokens approvals, DriverOptions options) {
        super(config, approvals, options);
    }

    @Override
    protected List<String> liveNodes() {
        return List.of("state", "result", "lastCommandId", "heartbeat", "errorCode", "errorMessage", "door", "occupancy",
                "occupants", "temperature", "atmosphere");
    }

    @Override
    public CompletableFuture<FurnaceProgramResult> runProgram(ApprovedStep approved) {
        Command command = guard.admit(approved, Action.HEAT);
        String program = programJson(approved);
        Duration timeout = options.wallTimeoutFor(labDuration(approved.step().profile()));
        return send("startProgram", command, timeout, program).thenApply(r -> new FurnaceProgramResult(command.commandId(),
                Boolean.TRUE.equals(r.get("completed")), number(r.get("maxTemperatureC")),
                r.get("endTime") == null ? null : Instant.parse(r.get("endTime").toString()), OpcUaDispenser.duplicate(r)));
    }

    @Override
    public CompletableFuture<Void> setDoor(ApprovedStep onBehalfOf, boolean open) {
        Command command = guard.admitAuxiliary(onBehalfOf, open ? "door-open" : "door-close");
        return sendSimple("setDoor", command.commandId(), command.approvalToken(), open);
    }

    @Override
    public CompletableFuture<Void> abort(String commandId) {
        return sendSimple("abort", commandId);
    }

    private static String programJson(ApprovedStep approved) {
        List<String> samples = new ArrayList<>();
        Object listed = approved.step().params().get("samples");
        if (listed instanceof List<?> l) {
            l.forEach(s -> samples.add(String.valueOf(s)));
        }
        if (approved.step().sample() != null && !samples.contains(approved.step().sample())) {
            samples.add(0, approved.step().sample());
        }
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("samples", samples);
        program.put("atmosphere", approved.step().atmosphere().orElse(Atmosphere.AIR));
        program.put("profile", approved.step().profile());
        try {
            return WorkflowJson.mapper().writeValueAsString(program);
        } catch (JsonProcessingException e) {
            throw new InstrumentException(approved.step().instrument(), "cannot encode the furnace program", e);
        }
    }

    /** Lab time of the program: each ramp from the previous set point (room temperature first), its hold, then cooling. */
    static Duration labDuration(List<HeatSegment> profile) {
        double minutes = 0;
        double previous = 25;
        double max = 25;
        for (HeatSegment s : profile) {
            double target = s.temperature().celsius();
            double ramp = s.rampRate().celsiusPerMinute();
            minutes += ramp > 0 ? Math.abs(target - previous) / ramp : 0;
            minutes += s.hold().minutes();
            previous = target;
            max = Math.max(max, target);
        }
        minutes += Math.max(0, max - 100) / COOLING_C_PER_MIN;
        return Duration.ofSeconds((long) (minutes * 60));
    }
}

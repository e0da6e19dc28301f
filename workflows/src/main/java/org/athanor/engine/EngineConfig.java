package org.athanor.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.athanor.clock.LabClock;

/**
 * How an {@link Engine} is put together.
 *
 * @param registry          the step handlers
 * @param clock             the lab's clock
 * @param slots             crucible slots per furnace (instruments not listed serve one step at a time)
 * @param heatCompatibility which heat steps may share a furnace load
 * @param dispatchCheck     the dispatch-time re-vet
 * @param approvalPolicy    which runs start without an operator
 * @param journal           durable storage of the event stream
 * @param maxWaits          how many "wait" verdicts in a row before the run is paused
 * @param workers           the pool handlers run on (null: the engine makes and owns one)
 */
public record EngineConfig(HandlerRegistry registry, LabClock clock, Map<String, Integer> slots,
                           HeatCompatibility heatCompatibility, DispatchCheck dispatchCheck, ApprovalPolicy approvalPolicy,
                           Journal journal, int maxWaits, ExecutorService workers) {

    public EngineConfig {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        slots = Map.copyOf(slots);
        slots.forEach((k, v) -> {
            if (v < 1) {
                throw new IllegalArgumentException("instrument " + k + " needs at least one slot, was " + v);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private HandlerRegistry registry = new HandlerRegistry();
        private LabClock clock = LabClock.system();
        private final Map<String, Integer> slots = new LinkedHashMap<>();
        private HeatCompatibility heatCompatibility = HeatCompatibility.SAME_PROGRAM;
        private DispatchCheck dispatchCheck = DispatchCheck.ALWAYS_PROCEED;
        private ApprovalPolicy approvalPolicy = ApprovalPolicy.DRY_RUNS_APPROVE_THEMSELVES;
        private Journal journal = Journal.NONE;
        // 30 checks: with a 1 min retry that is half an hour of lab time, longer than any interlock should settle.
        private int maxWaits = 30;
        private ExecutorService workers;

        public Builder registry(HandlerRegistry r) {
            this.registry = r;
            return this;
        }

        public Builder handler(StepHandler h) {
            registry.register(h);
            return this;
        }

        public Builder clock(LabClock c) {
            this.clock = c;
            return this;
        }

        public Builder slots(String instrument, int n) {
            slots.put(instrument, n);
            return this;
        }

        public Builder heatCompatibility(HeatCompatibility h) {
            this.heatCompatibility = h;
            return this;
        }

        public Builder dispatchCheck(DispatchCheck d) {
            this.dispatchCheck = d;
            return this;
        }

        public Builder approvalPolicy(ApprovalPolicy a) {
            this.approvalPolicy = a;
            return this;
        }

        public Builder journal(Journal j) {
            this.journal = j;
            return this;
        }

        public Builder maxWaits(int n) {
            this.maxWaits = n;
            return this;
        }

        public Builder workers(ExecutorService w) {
            this.workers = w;
            return this;
        }

        public EngineConfig config() {
            return new EngineConfig(registry, clock, slots, heatCompatibility, dispatchCheck, approvalPolicy, journal, maxWaits, workers);
        }

        public Engine build() {
            return new Engine(config());
        }
    }
}

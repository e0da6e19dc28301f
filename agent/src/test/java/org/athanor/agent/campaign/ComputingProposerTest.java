package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.clock.ScaledClock;
import org.junit.jupiter.api.Test;

class ComputingProposerTest {

    private final ScaledClock clock = new ScaledClock(Instant.parse("2026-01-05T08:00:00Z"), ScaledClock.AS_FAST_AS_PRACTICAL);

    @Test
    void theLabClockStandsStillWhileTheStrategyProposes() {
        List<Boolean> stoppedWhileProposing = new ArrayList<>();
        CampaignLoop.Proposer strategy = history -> {
            stoppedWhileProposing.add(clock.stopped());
            return Map.of("temperature", 1000.0);
        };
        var proposer = new CampaignRunner.ComputingProposer(strategy, clock);

        assertThat(proposer.next(List.of())).containsEntry("temperature", 1000.0);
        assertThat(proposer.next(List.of(), 2)).hasSize(2);
        assertThat(stoppedWhileProposing).containsExactly(true, true, true);
        assertThat(clock.stopped()).isFalse();
    }
}

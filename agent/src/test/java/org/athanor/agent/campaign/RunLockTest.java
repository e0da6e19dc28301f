package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path data;

    @Test
    void aRunHeldByOneCampaignIsRefusedToAnotherWithTheHoldersPid() throws Exception {
        try (RunLock held = RunLock.acquire(data, "r1")) {
            assertThatThrownBy(() -> RunLock.acquire(data, "r1"))
                    .isInstanceOf(RunLock.RunBusyException.class)
                    .hasMessageContaining("run r1 is already being run by another process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aReleasedRunCanBeTakenAgainAndOtherRunsAreIndependent() throws Exception {
        RunLock.acquire(data, "r1").close();
        try (RunLock again = RunLock.acquire(data, "r1"); RunLock other = RunLock.acquire(data, "r2")) {
            assertThat(data.resolve("runs/r1/campaign.lock")).exists();
            assertThat(data.resolve("runs/r2/campaign.lock")).exists();
        }
    }

    @Test
    void whetherARunIsHeldIsToldWithoutTakingItFromItsHolder() throws Exception {
        assertThat(RunLock.isHeld(data, "r1")).as("a run never started").isFalse();
        try (RunLock held = RunLock.acquire(data, "r1")) {
            assertThat(RunLock.isHeld(data, "r1")).isTrue();
        }
        assertThat(RunLock.isHeld(data, "r1")).as("after its process let go").isFalse();
        try (RunLock again = RunLock.acquire(data, "r1")) {
            assertThat(again).as("asking left the run free to take").isNotNull();
        }
    }
}

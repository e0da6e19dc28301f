package org.athanor.agent.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text report a scientist reads at the end of a campaign. */
class ReportPrinterTest {

    @Test
    void theTargetPhaseIsNamedInTheGoalsNotationAndOtherPhasesAsTheLibraryNamesThem() {
        var experiment = new CampaignReport.Experiment(1, Map.of("temperatureC", 550.0), "approved",
                List.of(new CampaignReport.Phase("FeLiO4P", "LiFePO4", 0.958, 0.78),
                        new CampaignReport.Phase("Li2CO3", "Li2CO3_15", 0.042, 0.21)),
                0.958, 5.9, "stop: target reached", null, List.of());
        var report = new CampaignReport("run-1", "Make 1 g of LiFePO4 under argon, XRD",
                new CampaignReport.TargetInfo("LiFePO4", 0.95), List.of(experiment), null, "target-reached", "reached", "12.0 h");

        String text = ReportPrinter.text(report);

        assertThat(text).contains("phases:    LiFePO4 95.8 % (confidence 0.78), Li2CO3 4.2 % (confidence 0.21)")
                .doesNotContain("FeLiO4P");
    }
}

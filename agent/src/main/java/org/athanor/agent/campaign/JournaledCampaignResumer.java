package org.athanor.agent.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import org.athanor.agent.lab.PhaseLibraries;
import org.athanor.agent.planner.Planners;

/** Continues a campaign from its journal with the same planner, phase library and report as {@code athanor run}. */
@ApplicationScoped
public class JournaledCampaignResumer implements CampaignResumer {

    @Override
    public int resume(Request request) {
        var err = System.err;
        // Locked before the journal is read: a process still running this run would add to it after the read.
        try (RunLock lock = RunLock.acquire(request.dataDirectory(), request.runId())) {
            var runner = new CampaignRunner(Planners.offline(), PhaseLibraries.forSimulatedLab(), request.journal());
            var events = request.journal().events(request.runId());
            CampaignJournal.Saved saved = CampaignJournal.read(request.runId(), events);
            if (saved.stopped()) {
                err.println("athanor resume: run " + request.runId() + " already finished; 'athanor journal " + request.runId()
                        + "' shows its events");
                return 2;
            }
            CampaignReport report;
            try (var notice = new InterruptNotice("resume", request.runId(), err)) {
                report = runner.resume(request.runId(), request.dataDirectory(), events,
                        line -> err.println("  " + line), e -> err.println("  " + ReportPrinter.progressLine(e)));
            }
            request.out().println(request.json() ? ReportPrinter.json(report) : ReportPrinter.text(report));
            return "aborted".equals(report.stopReason()) ? 1 : 0;
        } catch (RunLock.RunBusyException | IllegalArgumentException e) {
            err.println("athanor resume: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("athanor resume: the campaign stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }
}

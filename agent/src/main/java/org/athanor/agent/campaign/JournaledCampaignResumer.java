package org.athanor.agent.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import org.athanor.agent.lab.PhaseLibraries;
import org.athanor.agent.planner.Planners;

/**
 * Continues a campaign from its journal with the same planner, phase library and report as {@code athanor run}, or
 * aborts it there: an abort goes the same way, with the abort already requested, so the experiments that were in
 * flight are reconciled with the lab and ended in the operator's words and nothing new is dispatched.
 */
@ApplicationScoped
public class JournaledCampaignResumer implements CampaignResumer {

    @Override
    public int resume(Request request) {
        var err = System.err;
        boolean abort = request.asked().action() == OperatorControl.Action.ABORT;
        String command = "athanor " + request.asked().action().json();
        // Locked before the journal is read: a process still running this run would add to it after the read.
        try (RunLock lock = RunLock.acquire(request.dataDirectory(), request.runId())) {
            var runner = new CampaignRunner(Planners.offline(), PhaseLibraries.forSimulatedLab(), request.journal());
            var events = request.journal().events(request.runId());
            CampaignJournal.Saved saved = CampaignJournal.read(request.runId(), events);
            if (saved.stopped()) {
                err.println(command + ": run " + request.runId() + " already ended (" + saved.stop() + ")" + (abort ? ": nothing to abort" : "")
                        + "; 'athanor journal " + request.runId() + "' shows its events");
                return 1; // the run's state says no, as for a pause of a run that is not running (ExitCodes.REJECTED)
            }
            CampaignReport report;
            try (var notice = new InterruptNotice(request.asked().action().json(), request.runId(), err)) {
                report = runner.resume(request.runId(), request.dataDirectory(), events, request.asked(),
                        line -> err.println("  " + line), e -> err.println("  " + ReportPrinter.progressLine(e)));
            }
            request.out().println(request.json() ? ReportPrinter.json(report) : ReportPrinter.text(report));
            // An abort that ended the run did what was asked; a resumed run that ended aborted did not.
            return "aborted".equals(report.stopReason()) != abort ? 1 : 0;
        } catch (RunLock.RunBusyException | IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(command + ": the campaign stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }
}

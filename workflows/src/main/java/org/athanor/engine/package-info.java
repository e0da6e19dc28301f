/**
 * The execution engine: interprets vetted workflows on a shared lab.
 *
 * <ul>
 *   <li>{@link org.athanor.engine.HandlerRegistry}: one {@link org.athanor.engine.StepHandler} per
 *       {@link org.athanor.workflow.Action}; a workflow with an action no handler serves is refused before anything
 *       moves ({@link org.athanor.engine.UnknownActionException}).</li>
 *   <li>Claims: an instrument serves one load at a time; a furnace with several slots
 *       ({@link org.athanor.engine.EngineConfig#slots()}) takes ready heat steps whose programs are
 *       {@link org.athanor.engine.HeatCompatibility compatible} as one load. {@code after} lists (or the previous
 *       step, the schema default) order the steps.</li>
 *   <li>One event stream ({@link org.athanor.engine.EngineEvent}): stored in the {@link org.athanor.engine.Journal}
 *       first (one transaction per engine cycle), then given to listeners. A command leaves only after its dispatch is
 *       stored; a measurement is acknowledged only after it is stored.</li>
 *   <li>Control: pause (at the next safe point), resume and abort per run and for the whole lab; faults
 *       ({@link org.athanor.engine.InstrumentFault}) pause only the affected run; a heating program cut off marks its
 *       sample and waits for the campaign's decision ({@code retryInterrupted} or {@code abandonSample}).</li>
 *   <li>Dispatch-time re-vet ({@link org.athanor.engine.DispatchCheck}: proceed, wait, pause) and the approval
 *       policy ({@link org.athanor.engine.ApprovalPolicy}: dry runs approve themselves by default).</li>
 *   <li>Recovery: {@link org.athanor.engine.RunState} rebuilt from the journal; finished steps are not repeated,
 *       in-flight steps are asked about through a {@link org.athanor.engine.Reconciler} with their deterministic
 *       {@link org.athanor.engine.CommandIds command ids}.</li>
 * </ul>
 */
package org.athanor.engine;

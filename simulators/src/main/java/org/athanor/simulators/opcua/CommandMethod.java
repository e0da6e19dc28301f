package org.athanor.simulators.opcua;

import java.util.function.Function;
import org.athanor.simulators.lab.SynthesisInstrument;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * A command method of PROTOCOL.md: inputs as declared, one String output {@code status}. The instrument answers
 * without blocking ("accepted", "duplicate", "rejected: …"); a disconnected instrument answers Bad_DeviceFailure.
 */
final class CommandMethod extends AbstractMethodInvocationHandler {

    private static final Argument STATUS = new Argument("status", NodeIds.String, -1, null,
            LocalizedText.english("accepted, duplicate or rejected: <reason>"));

    private final SynthesisInstrument instrument;
    private final Argument[] inputs;
    private final Function<Variant[], String> call;

    CommandMethod(UaMethodNode node, SynthesisInstrument instrument, Argument[] inputs, Function<Variant[], String> call) {
        super(node);
        this.instrument = instrument;
        this.inputs = inputs;
        this.call = call;
    }

    static Argument string(String name) {
        return new Argument(name, NodeIds.String, -1, null, LocalizedText.english(name));
    }

    static Argument number(String name) {
        return new Argument(name, NodeIds.Double, -1, null, LocalizedText.english(name));
    }

    static Argument bool(String name) {
        return new Argument(name, NodeIds.Boolean, -1, null, LocalizedText.english(name));
    }

    @Override
    public Argument[] getInputArguments() {
        return inputs;
    }

    @Override
    public Argument[] getOutputArguments() {
        return new Argument[] {STATUS};
    }

    @Override
    protected Variant[] invoke(InvocationContext context, Variant[] inputValues) throws UaException {
        if (!instrument.online()) {
            throw new UaException(StatusCodes.Bad_DeviceFailure, instrument.id() + " is not responding");
        }
        return new Variant[] {new Variant(call.apply(inputValues))};
    }

    static String text(Variant v) {
        Object o = v.value();
        return o == null ? "" : o.toString();
    }

    static double number(Variant v) {
        Object o = v.value();
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static boolean bool(Variant v) {
        return Boolean.TRUE.equals(v.value());
    }
}

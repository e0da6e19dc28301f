package org.athanor.agent.cli;

import picocli.CommandLine.Command;

@Command(name = "xrd", description = "Powder X-ray diffraction: simulate patterns from CIFs, identify phases in measured patterns.", mixinStandardHelpOptions = true,
        subcommands = {XrdSimulateCommand.class, XrdIdentifyCommand.class})
public class XrdCommand {
}

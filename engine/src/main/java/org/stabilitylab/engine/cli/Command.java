package org.stabilitylab.engine.cli;

import java.io.PrintStream;
import java.util.Set;

/** One CLI command: the options it accepts, its help text, and what it does. */
interface Command {
    String name();

    /** One line for the command list in --help. */
    String summary();

    /** The full help: a usage line and one line per option. */
    String usage();

    Set<String> valuedOptions();

    default Set<String> flags() {
        return Set.of();
    }

    /** Returns the exit code; throws BadInputException for bad input (exit 2). */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}

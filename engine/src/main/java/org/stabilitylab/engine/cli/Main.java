package org.stabilitylab.engine.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stabilitylab.engine.EngineInfo;
import org.stabilitylab.engine.config.BadInputException;

/**
 * The engine's command line: run, sweep, amplify, bench, presets and reproduce, headless. Exit 0 on success
 * (a diverged run is a result), 2 on bad input with one line naming what was wrong, 1 on failure.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final List<Command> COMMANDS = List.of(new RunCommand(), new SweepCommand(),
            new AmplifyCommand(), new BenchCommand(), new PresetsCommand(), new ReproduceCommand());

    private Main() {
    }

    public static void main(String[] args) {
        org.stabilitylab.engine.model.NativeThreads.beforeNd4jLoads();
        org.stabilitylab.engine.model.HeapPolicy.keepCompact();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line in-process and returns its exit code (tests call this directly). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                err.print(help());
                return BAD_INPUT;
            }
            String first = args[0];
            if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
                out.print(help());
                return OK;
            }
            if (first.equals("--version")) {
                out.println("stability-lab " + EngineInfo.version() + " (java " + EngineInfo.java() + ")");
                return OK;
            }
            Command command = COMMANDS.stream().filter(c -> c.name().equals(first)).findFirst()
                    .orElseThrow(() -> new BadInputException(first, "unknown command; commands are "
                            + String.join(", ", COMMANDS.stream().map(Command::name).toList())
                            + " (see --help)"));
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(command.usage());
                return OK;
            }
            Set<String> flags = new HashSet<>(command.flags());
            Args parsed = Args.parse(command.name(), rest, command.valuedOptions(), flags);
            return command.run(parsed, out, err);
        } catch (BadInputException e) {
            err.println(e.getMessage().replace('\n', ' '));
            return BAD_INPUT;
        } catch (Exception | Error e) {
            err.println("error: " + describe(e));
            return FAILED;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        if (e.getCause() != null && e.getCause() != e) {
            sb.append(" (caused by ").append(describe(e.getCause())).append(')');
        }
        return sb.toString();
    }

    static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Transformer Stability Lab engine ").append(EngineInfo.version()).append('\n');
        sb.append("usage: java -jar stability-lab-engine.jar COMMAND [OPTIONS]\n\ncommands:\n");
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        sb.append("""

                COMMAND --help shows a command's options. Also: --help, --version.
                Exit codes: 0 success (a diverged run is a result), 2 bad input, 1 unexpected failure.
                """);
        return sb.toString();
    }
}

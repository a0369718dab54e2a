package dev.switchboard.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher. With no command it starts the desktop; {@code server}, {@code simulate} and
 * {@code bench} run the other parts on their own.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "Switchboard 0.1",
        description = "Omnichannel contact-centre agent desktop and its central server.",
        subcommands = {DesktopCommand.class, ServerCommand.class, SimulateCommand.class, BenchCommand.class})
public final class Main {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        boolean hasCommand = args.length > 0 && cli.getSubcommands().containsKey(args[0]);
        boolean asksTopLevel = args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")
                || args[0].equals("--version") || args[0].equals("-V"));
        String[] effective = args;
        if (!hasCommand && !asksTopLevel) {
            effective = new String[args.length + 1];
            effective[0] = "desktop";
            System.arraycopy(args, 0, effective, 1, args.length);
        }
        // exit explicitly: client and toolkit threads must not keep a closed desktop alive
        System.exit(cli.execute(effective));
    }
}

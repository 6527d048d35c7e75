package quire.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --home DIR} and {@code --user NAME} options every command accepts (public for the commands
 * other launchers add, see {@link AdditionalCommands}). {@link quire.QuireApplication} reads it
 * before Spring starts (it decides where the database and index live) and {@link QuireCommandLine}
 * reads {@code --user} before the command runs; here they are only declared so picocli accepts and
 * documents them.
 */
public final class HomeOption {

	@Option(names = "--home", paramLabel = "DIR",
			description = "Quire's data folder (default: $QUIRE_HOME, else ~/.quire)")
	String home;

	@Option(names = "--user", paramLabel = "NAME",
			description = "act as this Quire user, with their project roles (default: the local administrator, "
					+ "who may do everything in this home)")
	String user;

}

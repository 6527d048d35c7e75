package quire.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --home DIR} option every command accepts. {@link quire.QuireApplication} reads it
 * before Spring starts (it decides where the database and index live); here it is only declared so
 * picocli accepts and documents it.
 */
final class HomeOption {

	@Option(names = "--home", paramLabel = "DIR",
			description = "Quire's data folder (default: $QUIRE_HOME, else ~/.quire)")
	String home;

}

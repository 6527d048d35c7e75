package quire.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.OptionalInt;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What the command line can answer before Spring starts: {@code --help}, {@code --version}, a
 * command group named without its subcommand, and usage errors (an unknown option, a missing
 * required one). Each takes a fraction of a second instead of the several seconds a Spring start
 * costs. It parses with the same command tree the application runs, built over no services: the
 * commands only keep their services in fields until they run, and nothing runs here.
 */
public final class CommandLineFront {

	private CommandLineFront() {
	}

	/**
	 * Answers {@code args} if that needs no services, printing to {@code out} and {@code err}.
	 * @return the exit status when answered; empty when the command must run with Spring
	 */
	public static OptionalInt answerWithoutSpring(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = parsingOnly(out, err);
		ParseResult parsed;
		try {
			parsed = cli.parseArgs(args);
		}
		catch (ParameterException ex) {
			try {
				return OptionalInt.of(cli.getParameterExceptionHandler().handleParseException(ex, args));
			}
			catch (Exception handlerFailed) {
				err.println("error: " + ex.getMessage());
				return OptionalInt.of(2);
			}
		}
		Integer help = CommandLine.executeHelpRequest(parsed);
		if (help != null) {
			return OptionalInt.of(help);
		}
		ParseResult leaf = parsed;
		while (leaf.hasSubcommand()) {
			leaf = leaf.subcommand();
		}
		if (!leaf.commandSpec().subcommands().isEmpty()) {
			leaf.commandSpec().commandLine().usage(out);
			return OptionalInt.of(0);
		}
		return OptionalInt.empty();
	}

	/** The application's command tree over no services: for parsing and help only. */
	static CommandLine parsingOnly(PrintWriter out, PrintWriter err) {
		try {
			Constructor<?> constructor = QuireCommandLine.class.getDeclaredConstructors()[0];
			QuireCommandLine commands = (QuireCommandLine) constructor
				.newInstance(new Object[constructor.getParameterCount()]);
			return commands.commandLine(out, err);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("the command tree could not be built for parsing: " + ex, ex);
		}
	}

}

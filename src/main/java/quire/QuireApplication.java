package quire;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

import quire.cli.AdditionalCommands;
import quire.security.EmbeddedDatabasePrivacy;

/**
 * Quire: a mixed-methods qualitative research workbench.
 *
 * <p>
 * With no arguments the jar starts the web app; with arguments it runs a headless command
 * ({@code quire.cli}) over the same services and exits with the command's status.
 */
@SpringBootApplication
@EnableAsync
public class QuireApplication {

	public static void main(String[] args) {
		if (startsWebApp(args)) {
			EmbeddedDatabasePrivacy.bindServerToLoopback();
			homeOption(args).ifPresent(home -> System.setProperty("quire.home", home));
			SpringApplication.run(QuireApplication.class, args);
			return;
		}
		runCommand(args, AdditionalCommands.NONE);
	}

	/**
	 * Runs one headless command and exits with its status: {@code --help}, {@code --version} and
	 * usage errors without starting Spring, anything else in an application without a web server
	 * (profile {@code cli}). {@code additional} commands join Quire's, with {@code sources}
	 * (configurations that declare them and their services) added to the application's.
	 */
	public static void runCommand(String[] args, AdditionalCommands additional, Class<?>... sources) {
		EmbeddedDatabasePrivacy.bindServerToLoopback();
		homeOption(args).ifPresent(home -> System.setProperty("quire.home", home));
		java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
		java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
		java.util.OptionalInt answered = quire.cli.CommandLineFront.answerWithoutSpring(args, out, err, additional);
		if (answered.isPresent()) {
			// --help, --version, a usage error: answered in a fraction of a second, no Spring start
			System.exit(answered.getAsInt());
		}
		Class<?>[] all = new Class<?>[sources.length + 1];
		all[0] = QuireApplication.class;
		System.arraycopy(sources, 0, all, 1, sources.length);
		SpringApplication app = new SpringApplication(all);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("cli");
		app.setLogStartupInfo(false);
		try {
			System.exit(SpringApplication.exit(app.run(args)));
		}
		catch (RuntimeException ex) {
			// e.g. the web app holds this home's index: the reason, not Spring's stack trace
			System.err.println("error: " + reason(ex));
			System.exit(2);
		}
	}

	/**
	 * The message of the first exception in the chain that is not Spring's wrapping of a bean that
	 * could not be created: the one Quire's own code threw, which says what to do.
	 */
	static String reason(Throwable ex) {
		Throwable t = ex;
		while (t instanceof org.springframework.beans.BeansException && t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

	/**
	 * Whether the arguments start the web app: none, or only Spring properties given as
	 * {@code --name=value} (such as {@code --server.port=8090} or {@code --home=/data/quire}), with no
	 * command.
	 */
	static boolean startsWebApp(String[] args) {
		for (String arg : args) {
			if (!arg.matches("--[a-zA-Z][\\w.\\-\\[\\]]*=.*") || arg.startsWith("--user=")) {
				return false;
			}
		}
		return true;
	}

	/** The value of {@code --home DIR} or {@code --home=DIR}, which must be known before Spring starts. */
	static Optional<String> homeOption(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--home") && i + 1 < args.length) {
				return Optional.of(args[i + 1]);
			}
			if (args[i].startsWith("--home=")) {
				return Optional.of(args[i].substring("--home=".length()));
			}
		}
		return Optional.empty();
	}

}

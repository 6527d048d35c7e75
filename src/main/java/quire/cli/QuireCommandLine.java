package quire.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import quire.security.Actors;
import quire.security.UserService;

/**
 * Runs one headless command when the jar is started with arguments. The command tree is declared
 * by {@link RootCommand}'s annotations; the command that runs is built by Spring with the services
 * its constructor names, the rest of the tree without services (see {@link CommandFactories}).
 * Errors print one clear line to stderr and set a non-zero exit status, never a stack trace.
 */
@Component
@Profile("cli")
class QuireCommandLine implements CommandLineRunner, ExitCodeGenerator {

	private final ApplicationContext context;

	private final ObjectProvider<UserService> users;

	private final ObjectProvider<Actors> actors;

	private final ObjectProvider<IncompleteEventPublications> incomplete;

	private final List<Class<?>> additional;

	private int exitCode;

	private volatile boolean resubmitted;

	QuireCommandLine(ApplicationContext context, ObjectProvider<UserService> users, ObjectProvider<Actors> actors,
			ObjectProvider<IncompleteEventPublications> incomplete, ObjectProvider<AdditionalCommands> additional) {
		this.context = context;
		this.users = users;
		this.actors = actors;
		this.incomplete = incomplete;
		this.additional = additional.orderedStream().flatMap(a -> a.commands().stream()).toList();
	}

	@Override
	public void run(String... args) {
		exitCode = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	/**
	 * Runs a command as the local administrator, or as the user named by {@code --user}, whose
	 * project roles then apply to everything the command does.
	 */
	int execute(PrintWriter out, PrintWriter err, String... args) {
		CommandLine parsing = tree(CommandFactories.withoutServices(), additional, out, err);
		ParseResult parsed;
		try {
			parsed = parsing.parseArgs(args);
		}
		catch (ParameterException ex) {
			return parsing.execute(args); // picocli's usage message and status
		}
		Integer help = CommandLine.executeHelpRequest(parsed);
		if (help != null) {
			return help;
		}
		Set<Class<?>> running = new LinkedHashSet<>();
		ParseResult leaf = parsed;
		running.add(leaf.commandSpec().userObject().getClass());
		while (leaf.hasSubcommand()) {
			leaf = leaf.subcommand();
			running.add(leaf.commandSpec().userObject().getClass());
		}
		boolean writes = !leaf.commandSpec().userObject().getClass().isAnnotationPresent(ReadsOnly.class);
		IntSupplier command = () -> {
			CommandLine cli;
			try {
				cli = tree(CommandFactories.fromSpring(context.getAutowireCapableBeanFactory(), running), additional,
						out, err);
			}
			catch (RuntimeException ex) {
				// a service that cannot start, e.g. the web app holds this home's index: its reason
				err.println("error: " + reason(ex));
				return 2;
			}
			return cli.execute(args);
		};
		if (writes && !resubmitted) {
			// what a crash left undone (an index update after a commit) is done before anything new,
			// once per process (a shell runs many commands)
			resubmitted = true;
			incomplete.ifAvailable(publications -> publications.resubmitIncompletePublications(p -> true));
		}
		String name = userOption(args);
		if (name == null) {
			return command.getAsInt();
		}
		var user = users.getObject().find(name).filter(u -> u.enabled());
		if (user.isEmpty()) {
			err.println("error: no active user named '" + name + "'");
			return 2;
		}
		return actors.getObject().callAs(user.get(), command::getAsInt);
	}

	static String userOption(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--user") && i + 1 < args.length) {
				return args[i + 1];
			}
			if (args[i].startsWith("--user=")) {
				return args[i].substring("--user=".length());
			}
		}
		return null;
	}

	/** The command tree over {@code factory}: Quire's commands and {@code additional} ones. */
	static CommandLine tree(IFactory factory, List<Class<?>> additional, PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(RootCommand.class, factory);
		for (Class<?> command : additional) {
			cli.addSubcommand(new CommandLine(command, factory));
		}
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr().println("error: " + message(ex));
			return 2;
		});
		return cli;
	}

	private static String message(Exception ex) {
		Throwable t = ex;
		while (t.getMessage() == null && t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

	/** The message Quire's own code gave, under Spring's and picocli's wrapping of a failed creation. */
	static String reason(Throwable ex) {
		Throwable t = ex;
		while ((t instanceof BeansException || t instanceof CommandLine.InitializationException
				|| t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}

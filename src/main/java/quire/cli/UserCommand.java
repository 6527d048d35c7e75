package quire.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.security.UserAccount;
import quire.security.UserService;

/** User accounts from the command line (administrators, or the local administrator). */
@Command(subcommands = { UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Password.class },
		name = "user", description = "Add and list user accounts, set passwords.", mixinStandardHelpOptions = true)
final class UserCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** The password from the option, or else the first line of standard input (so it stays out of shell history). */
	static String password(String option) throws IOException {
		if (option != null) {
			return option;
		}
		String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		if (line == null || line.isEmpty()) {
			throw new IllegalArgumentException("give the password with --password or on standard input");
		}
		return line;
	}

	@Command(name = "add", description = "Add a user account.", mixinStandardHelpOptions = true)
	static final class Add implements Callable<Integer> {

		private final UserService users;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "USERNAME", description = "the name they sign in with")
		String username;

		@Option(names = "--name", defaultValue = "", description = "their full name, shown to the team")
		String name;

		@Option(names = "--password", description = "the first password (default: read from standard input)")
		String password;

		@Option(names = "--admin", description = "may manage user accounts")
		boolean admin;

		Add(UserService users) {
			this.users = users;
		}

		@Override
		public Integer call() throws IOException {
			UserAccount u = users.create(username, name, password(password), admin);
			spec.commandLine().getOut().println("created user '" + u.username() + "'" + (u.admin() ? " (administrator)" : ""));
			return 0;
		}

	}

	@Command(name = "list", description = "List the user accounts.", mixinStandardHelpOptions = true)
	@ReadsOnly
	static final class ListUsers implements Callable<Integer> {

		private final UserService users;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		ListUsers(UserService users) {
			this.users = users;
		}

		@Override
		public Integer call() {
			for (UserAccount u : users.list()) {
				spec.commandLine().getOut().println(u.username() + "\t" + u.displayName() + (u.admin() ? "\tadministrator" : "")
						+ (u.enabled() ? "" : "\tdisabled"));
			}
			return 0;
		}

	}

	@Command(name = "password", description = "Set a user's password.", mixinStandardHelpOptions = true)
	static final class Password implements Callable<Integer> {

		private final UserService users;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "USERNAME")
		String username;

		@Option(names = "--password", description = "the new password (default: read from standard input)")
		String password;

		Password(UserService users) {
			this.users = users;
		}

		@Override
		public Integer call() throws IOException {
			users.setPassword(users.require(username).id(), password(password));
			spec.commandLine().getOut().println("set a new password for '" + username + "'");
			return 0;
		}

	}

}

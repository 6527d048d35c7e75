package quire.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.api.ApiScope;
import quire.api.ApiTokenService;
import quire.api.NewApiToken;
import quire.security.AccessRefusedException;

/**
 * Personal access tokens for the REST API from the command line, for a script or CI job that has no
 * browser. A token belongs to a user, so the command needs {@code --user NAME}; the same rules apply as
 * on the API tokens page.
 */
@Command(subcommands = { TokenCommand.Create.class },
		name = "token", description = "Create API tokens (run with --user NAME: the token acts as that user).",
		mixinStandardHelpOptions = true)
final class TokenCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create a token for the --user and print its secret (shown only this once) on standard output.")
	static final class Create implements Callable<Integer> {

		private final ApiTokenService tokens;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "NAME", description = "what uses the token, e.g. 'R analysis on my laptop'")
		String name;

		@Option(names = "--scope", defaultValue = "read", paramLabel = "SCOPE",
				description = "read (the default) or read-write")
		String scope;

		@Option(names = "--expires", paramLabel = "DATE", description = "the last day it works (YYYY-MM-DD, UTC); default never")
		@Nullable LocalDate expires;

		Create(ApiTokenService tokens) {
			this.tokens = tokens;
		}

		@Override
		public Integer call() {
			NewApiToken created;
			try {
				created = tokens.create(name, ApiScope.parse(scope),
						expires == null ? null : expires.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
			}
			catch (AccessRefusedException ex) {
				// the local administrator is nobody's account: a token needs a user to act as
				throw new IllegalArgumentException("a token belongs to a user: give --user NAME "
						+ "(e.g. quire --user anna token create 'R analysis')", ex);
			}
			spec.commandLine().getOut().println(created.secret());
			return 0;
		}

	}

}

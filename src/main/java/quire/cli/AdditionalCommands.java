package quire.cli;

import java.util.List;

/**
 * Commands another launcher adds to Quire's command tree (the benchmark's {@code bench} and
 * {@code generate}, built outside the production jar). Each class is a picocli {@code @Command}
 * whose constructor names the services it uses; declare an instance as a bean in the launcher's
 * configuration and pass the same list to {@link CommandLineFront}.
 */
public record AdditionalCommands(List<Class<?>> commands) {

	public AdditionalCommands {
		commands = List.copyOf(commands);
	}

	/** None: the production jar's tree as it is. */
	public static final AdditionalCommands NONE = new AdditionalCommands(List.of());

}

/**
 * Headless commands over the same services as the web app (project, demo, import, search, …).
 * {@link quire.cli.RootCommand} and the groups declare the command tree; picocli gets each command
 * from a factory over the Spring context, so a command receives only the services its constructor
 * names and only the command that runs is built with them. {@link quire.cli.CommandLineFront}
 * answers help and usage errors before Spring starts; {@link quire.cli.AdditionalCommands} lets
 * another launcher (the benchmark harness, outside the production jar) add commands.
 */
@ApplicationModule(allowedDependencies = { "analysis", "api", "backup", "coding", "corpus", "exchange", "fidelity", "media", "nlp", "project", "report", "search", "security", "stats", "survey" })
@NullMarked
package quire.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

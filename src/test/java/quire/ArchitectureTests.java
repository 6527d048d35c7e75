package quire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

/**
 * Layering rules the build enforces (beyond {@link ModularityTests}' module boundaries): domain
 * code knows no screen. Only classes in a {@code ui} package (a module's {@code ui/} or the shell
 * {@code quire.ui}) may use Vaadin, the shell or a module's screens; the shell uses no module's
 * screens or internals. And {@code docs/architecture.md} says what each module may use, exactly as
 * the modules declare it.
 */
class ArchitectureTests {

	/** The application's classes, wherever the build writes them; test classes are left out. */
	static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption((Location location) -> !location.contains("/test-classes/"))
		.importPackages("quire");

	static final Path ARCHITECTURE = Path.of("docs/architecture.md");

	@Test
	void onlyUiPackagesUseVaadin() {
		noClasses().that()
			.resideOutsideOfPackage("..ui..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.vaadin..")
			.because("screens live in ui packages; services, stores and the API must work without a browser")
			.check(MAIN);
	}

	@Test
	void onlyUiPackagesUseTheShellOrScreens() {
		noClasses().that()
			.resideOutsideOfPackage("..ui..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("quire..ui..")
			.because("the shell (main layout, navigation, session state) and the modules' screens sit on top of "
					+ "the modules, never below them")
			.check(MAIN);
	}

	@Test
	void theShellUsesNoModulesScreensOrInternals() {
		noClasses().that()
			.resideInAPackage("quire.ui")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("quire.*.ui..", "quire.*.internal..")
			.because("the shell knows the modules' APIs only; the modules' pages find it, not the other way round")
			.check(MAIN);
	}

	@Test
	void theRuleSeesTheApplication() {
		// A rule over no classes passes whatever it says: make sure the import found the modules.
		assertThat(MAIN.containPackage("quire.corpus")).isTrue();
		assertThat(MAIN.containPackage("quire.security.ui")).isTrue();
		assertThat(MAIN.containPackage("quire.ui")).isTrue();
	}

	@Test
	void everyModuleDeclaresWhatItMayUse() {
		assertThat(declaredDependencies()).as("modules").containsKeys("corpus", "coding", "ui").hasSizeGreaterThan(15);
	}

	@Test
	void theArchitectureDocumentSaysWhatEachModuleMayUse() throws IOException {
		Map<String, Set<String>> documented = documentedDependencies(Files.readString(ARCHITECTURE));
		assertThat(documented)
			.as("the module table in %s (fix the table or the module's package-info.java)", ARCHITECTURE)
			.isEqualTo(declaredDependencies());
	}

	@Test
	void theTableReaderReadsTheModulesAndWhatTheyMayUse() {
		String table = """
				Text before.

				| Module | Owns (tables, files) | May use |
				|---|---|---|
				| `stats` | nothing: pure `functions` | nothing |
				| `media` | `media_file` | `corpus`, `corpus :: ui`, `ui` |

				| Other | table |
				|---|---|
				| `x` | `y` |
				""";
		assertThat(documentedDependencies(table))
			.isEqualTo(Map.of("stats", Set.of(), "media", Set.of("corpus", "corpus :: ui", "ui")));
	}

	/**
	 * Each module (a direct subpackage of {@code quire}) and the dependencies its
	 * {@code package-info.java} allows, with named interfaces written {@code module :: interface}. A
	 * module that declares nothing fails: without a declaration Modulith allows every dependency.
	 */
	static Map<String, Set<String>> declaredDependencies() {
		Set<String> modules = MAIN.stream()
			.map(JavaClass::getPackageName)
			.filter(p -> p.startsWith("quire.") && !p.equals("quire"))
			.map(p -> p.split("\\.")[1])
			.collect(Collectors.toCollection(TreeSet::new));
		Map<String, Set<String>> declared = new TreeMap<>();
		for (String module : modules) {
			ApplicationModule annotation = moduleAnnotation(module);
			assertThat(annotation).as("@ApplicationModule on quire.%s's package-info.java", module).isNotNull();
			List<String> allowed = Arrays.asList(annotation.allowedDependencies());
			assertThat(allowed).as("quire.%s declares its allowed dependencies", module)
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
			declared.put(module, allowed.stream().map(ArchitectureTests::normalise).collect(Collectors.toSet()));
		}
		return declared;
	}

	private static ApplicationModule moduleAnnotation(String module) {
		try {
			return Class.forName("quire." + module + ".package-info").getAnnotation(ApplicationModule.class);
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("quire." + module + " has no package-info.java", ex);
		}
	}

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/**
	 * The module table of the architecture document: the first Markdown table whose header has a
	 * "May use" column; each row's first column names the module and the "May use" column lists, in
	 * backticks, what it may use ("nothing" for none).
	 */
	static Map<String, Set<String>> documentedDependencies(String markdown) {
		Map<String, Set<String>> documented = new TreeMap<>();
		int mayUse = -1;
		for (String line : markdown.lines().map(String::strip).toList()) {
			if (!line.startsWith("|")) {
				if (mayUse >= 0 && !documented.isEmpty()) {
					break;
				}
				continue;
			}
			List<String> cells = cells(line);
			if (mayUse < 0) {
				mayUse = cells.indexOf("May use");
				continue;
			}
			if (line.matches("\\|[-|: ]+\\|")) {
				continue;
			}
			List<String> module = codes(cells.get(0));
			assertThat(module).as("module column of: %s", line).hasSize(1);
			Set<String> previous = documented.put(module.get(0), Set.copyOf(codes(cells.get(mayUse)).stream()
				.map(ArchitectureTests::normalise)
				.toList()));
			assertThat(previous).as("module %s listed twice", module.get(0)).isNull();
		}
		assertThat(documented).as("a module table with a 'May use' column").isNotEmpty();
		return documented;
	}

	private static List<String> cells(String row) {
		String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
	}

	private static List<String> codes(String cell) {
		List<String> codes = new ArrayList<>();
		Matcher m = CODE.matcher(cell);
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

	/** {@code "corpus::ui"} and {@code "corpus :: ui"} are the same dependency. */
	private static String normalise(String dependency) {
		return dependency.replaceAll("\\s*::\\s*", " :: ").strip();
	}

}

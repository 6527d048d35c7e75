package quire.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import quire.project.Project;
import quire.project.ProjectService;

/**
 * The demo project: the fictional focus groups, MI sessions and interview of {@code corpora/demo},
 * bundled in the jar under {@code quire/demo/} and listed in its {@code manifest.csv}
 * ({@code file,group,language}). The web app creates it on first start with an empty home; the CLI
 * only on request ({@code demo}).
 */
@Service
public class DemoProject {

	public static final String NAME = "Demo: MI return-to-work study";

	static final String LOCATION = "quire/demo/";

	private static final Logger log = LoggerFactory.getLogger(DemoProject.class);

	private final ProjectService projects;

	private final CorpusService corpus;

	private final boolean onFirstStart;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	DemoProject(ProjectService projects, CorpusService corpus, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, @Value("${quire.demo.on-first-start:true}") boolean onFirstStart) {
		this.projects = projects;
		this.corpus = corpus;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.onFirstStart = onFirstStart;
	}

	/** One demo file as listed in the manifest. */
	record Entry(String file, String group, Language language) {
	}

	/**
	 * Creates the demo project with all its documents, in one transaction.
	 * @throws IllegalStateException if it exists already
	 */
	public Project create() {
		if (projects.findByName(NAME).isPresent()) {
			throw new IllegalStateException("the demo project '" + NAME + "' exists already");
		}
		List<Entry> entries = manifest();
		return transaction.execute(status -> {
			Project project = projects.create(NAME,
					"Fictional focus groups, MI sessions and an interview in the setting of an MI return-to-work trial");
			for (Entry entry : entries) {
				corpus.importDocument(project.id(),
						new ImportRequest(entry.file(), read(entry.file()), entry.group(), entry.language()));
			}
			events.publishEvent(new DemoProjectCreated(project.id()));
			return project;
		});
	}

	// the condition keeps a command (profile cli) from creating this bean and its services on its way out
	@EventListener(value = ApplicationReadyEvent.class,
			condition = "!#root.event.applicationContext.environment.matchesProfiles('cli')")
	void createOnFirstStart(ApplicationReadyEvent event) {
		boolean cli = event.getApplicationContext().getEnvironment().matchesProfiles("cli");
		if (onFirstStart && !cli && projects.isEmpty()) {
			try {
				Project project = create();
				log.info("Created the demo project '{}' with {} documents", project.name(),
						corpus.documents(project.id()).size());
			}
			catch (RuntimeException ex) {
				log.error("Could not create the demo project: {}", ex.getMessage(), ex);
			}
		}
	}

	static List<Entry> manifest() {
		String text = new String(read("manifest.csv"), StandardCharsets.UTF_8);
		List<Entry> entries = new ArrayList<>();
		String[] lines = text.split("\\R");
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] cols = line.split(",", -1);
			if (cols.length != 3) {
				throw new IllegalStateException("demo manifest.csv line " + (i + 1) + ": expected file,group,language");
			}
			Language language = Language.parse(cols[2])
				.orElseThrow(() -> new IllegalStateException("demo manifest.csv line: unknown language " + cols[2]));
			entries.add(new Entry(cols[0].strip(), cols[1].strip(), language));
		}
		return entries;
	}

	/** A file of the bundled demo corpus. */
	public static byte[] read(String file) {
		try (InputStream in = new ClassPathResource(LOCATION + file).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the demo corpus file " + file + " is missing from the application", ex);
		}
	}

}

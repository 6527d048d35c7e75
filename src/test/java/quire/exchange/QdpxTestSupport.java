package quire.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import quire.SharedHome;
import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.coding.MemoService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * The Spring context shared by the .qdpx tests (one H2 home, "quire-qdpx") and helpers that describe
 * a project in plain strings, so that two projects can be compared.
 */
@SpringBootTest
abstract class QdpxTestSupport implements SharedHome {

	@Autowired
	QdpxService qdpx;

	@Autowired
	ApplicationContext context;

	// Other modules' services are looked up, not field-injected, so that ModularityTests has nothing to say.

	ProjectService projects;

	CorpusService corpus;

	CodebookService codebook;

	CodingService codings;

	MemoService memos;

	@BeforeEach
	void lookUpServices() {
		projects = context.getBean(ProjectService.class);
		corpus = context.getBean(CorpusService.class);
		codebook = context.getBean(CodebookService.class);
		codings = context.getBean(CodingService.class);
		memos = context.getBean(MemoService.class);
	}

	/** Index updates run after commit on the application task executor; see CodingServiceContract. */
	@AfterEach
	void waitForIndexUpdates() throws InterruptedException {
		if (!(context.getBean("applicationTaskExecutor") instanceof ThreadPoolTaskExecutor executor)) {
			return;
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while ((executor.getActiveCount() > 0 || !executor.getThreadPoolExecutor().getQueue().isEmpty())
				&& System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	/** Every coding of a project as "document | code path | coder | coded text". */
	List<String> codedText(ProjectId project) {
		Map<CodeId, Code> codes = codesById(project);
		List<String> out = new ArrayList<>();
		for (DocumentSummary d : corpus.documents(project)) {
			Transcript t = corpus.transcript(d.id()).orElseThrow();
			for (Coding c : codings.codings(d.id(), null)) {
				out.add(d.name() + " | " + codes.get(c.codeId()).path() + " | " + c.coder() + " | "
						+ t.text().substring(c.start(), c.end()));
			}
		}
		return out;
	}

	/** Every code of a project as "path colour", in tree order. */
	List<String> codePaths(ProjectId project) {
		return codebook.codes(project).stream().map(c -> c.path() + " " + c.colour()).toList();
	}

	/** The document texts of a project by document name. */
	Map<String, String> texts(ProjectId project) {
		return corpus.documents(project)
			.stream()
			.collect(Collectors.toMap(DocumentSummary::name, d -> corpus.transcript(d.id()).orElseThrow().text()));
	}

	Map<CodeId, Code> codesById(ProjectId project) {
		return codebook.codes(project).stream().collect(Collectors.toMap(Code::id, Function.identity()));
	}

	Code codeAt(ProjectId project, String path) {
		return codebook.codes(project)
			.stream()
			.filter(c -> c.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no code " + path + " in " + codePaths(project)));
	}

	List<String> projectNames() {
		return projects.list().stream().map(p -> p.name()).toList();
	}

}

package quire.cli;

import java.io.PrintWriter;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import picocli.CommandLine;
import quire.analysis.StudyService;
import quire.corpus.StudyDesignService;
import quire.backup.BackupService;
import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.security.Actors;
import quire.security.UserService;
import quire.analysis.JointDisplayService;
import quire.coding.AgreementService;
import quire.coding.RetrievalService;
import quire.coding.CodebookService;
import quire.corpus.CorpusService;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLinkService;
import quire.exchange.QdpxService;
import quire.survey.SurveyService;
import quire.fidelity.FidelityService;
import quire.coding.CodingService;
import quire.fidelity.MitiCodingService;
import quire.nlp.DeidentificationService;
import quire.nlp.SentenceService;
import quire.nlp.WordFrequencyService;
import quire.corpus.DemoProject;
import quire.project.ProjectService;
import quire.report.ReportService;
import quire.search.SearchService;
import quire.bench.Benchmark;
import quire.media.MediaService;
import quire.api.ApiTokenService;

/**
 * Runs one headless command when the jar is started with arguments. Commands are picocli
 * commands built over the same services as the web app; errors print one clear line to stderr and
 * set a non-zero exit status, never a stack trace.
 */
@Component
@Profile("cli")
class QuireCommandLine implements CommandLineRunner, ExitCodeGenerator {

	private final ProjectService projects;

	private final CorpusService corpus;

	private final SearchService search;

	private final DemoProject demo;

	private final CodebookService codebook;

	private final AgreementService agreement;

	private final FidelityService fidelity;

	private final MitiCodingService miti;

	private final QdpxService qdpx;

	private final SurveyService survey;

	private final ParticipantService participants;

	private final RetrievalService retrieval;

	private final JointDisplayService joint;

	private final ReportService report;

	private final UserService users;

	private final Actors actors;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final BackupService backup;

	private final CodingService codings;

	private final WordFrequencyService words;

	private final DeidentificationService deid;

	private final Benchmark benchmark;

	private final SentenceService sentences;

	private final StudyService study;

	private final StudyDesignService studyDesign;

	private final SpeakerLinkService speakers;

	private final MediaService media;

	private final ApiTokenService tokens;

	private int exitCode;

	QuireCommandLine(ProjectService projects, CorpusService corpus, SearchService search, DemoProject demo,
			CodebookService codebook, AgreementService agreement, FidelityService fidelity, MitiCodingService miti,
			QdpxService qdpx, SurveyService survey, ParticipantService participants, RetrievalService retrieval,
			JointDisplayService joint, ReportService report, UserService users, Actors actors, ProjectAccess access,
			AuditLog audit, BackupService backup, CodingService codings, WordFrequencyService words,
			DeidentificationService deid, Benchmark benchmark, SentenceService sentences, StudyService study,
			StudyDesignService studyDesign, SpeakerLinkService speakers, MediaService media, ApiTokenService tokens) {
		this.media = media;
		this.tokens = tokens;
		this.speakers = speakers;
		this.study = study;
		this.studyDesign = studyDesign;
		this.benchmark = benchmark;
		this.sentences = sentences;
		this.codings = codings;
		this.users = users;
		this.actors = actors;
		this.access = access;
		this.audit = audit;
		this.backup = backup;
		this.report = report;
		this.words = words;
		this.deid = deid;
		this.retrieval = retrieval;
		this.joint = joint;
		this.survey = survey;
		this.participants = participants;
		this.qdpx = qdpx;
		this.miti = miti;
		this.fidelity = fidelity;
		this.codebook = codebook;
		this.agreement = agreement;
		this.projects = projects;
		this.corpus = corpus;
		this.search = search;
		this.demo = demo;
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
		CommandLine cli = commandLine(out, err);
		String name = userOption(args);
		if (name == null) {
			return cli.execute(args);
		}
		var user = users.find(name).filter(u -> u.enabled());
		if (user.isEmpty()) {
			err.println("error: no active user named '" + name + "'");
			return 2;
		}
		return actors.callAs(user.get(), () -> cli.execute(args));
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

	CommandLine commandLine(PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(new RootCommand());
		cli.addSubcommand(new CommandLine(new ProjectCommand())
			.addSubcommand(new ProjectCommand.Create(projects))
			.addSubcommand(new ProjectCommand.ListProjects(projects)));
		cli.addSubcommand(new DemoCommand(demo));
		cli.addSubcommand(new CommandLine(new StudyCommand())
			.addSubcommand(new StudyCommand.Show(projects, corpus, study))
			.addSubcommand(new StudyCommand.Set(projects, studyDesign)));
		cli.addSubcommand(new ImportCommand(projects, corpus, sentences, media));
		cli.addSubcommand(new SearchCommand(projects, corpus, search, codebook));
		cli.addSubcommand(new CodeCommand(projects, search, codebook, codings, actors));
		cli.addSubcommand(new CommandLine(new RebuildIndexCommand(search))
			.addSubcommand(new RebuildIndexCommand.Rebuild(search)));
		cli.addSubcommand(new CommandLine(new UserCommand())
			.addSubcommand(new UserCommand.Add(users))
			.addSubcommand(new UserCommand.ListUsers(users))
			.addSubcommand(new UserCommand.Password(users)));
		cli.addSubcommand(new CommandLine(new MemberCommand())
			.addSubcommand(new MemberCommand.Add(projects, access))
			.addSubcommand(new MemberCommand.Remove(projects, access))
			.addSubcommand(new MemberCommand.ListMembers(projects, access)));
		cli.addSubcommand(new CommandLine(new TokenCommand()).addSubcommand(new TokenCommand.Create(tokens)));
		cli.addSubcommand(new AuditCommand(projects, audit));
		cli.addSubcommand(new BackupCommand.Backup(backup));
		cli.addSubcommand(new BackupCommand.Restore(backup));
		cli.addSubcommand(new CommandLine(new CodebookCommand())
			.addSubcommand(new CodebookCommand.Import(projects, codebook))
			.addSubcommand(new CodebookCommand.Export(projects, codebook)));
		cli.addSubcommand(new AgreementCommand(projects, corpus, codebook, agreement));
		cli.addSubcommand(new CommandLine(new MitiCommand())
			.addSubcommand(new MitiCommand.Import(projects, fidelity))
			.addSubcommand(new MitiCommand.SummaryCommand(projects, fidelity))
			.addSubcommand(new MitiCommand.Role(projects, fidelity))
			.addSubcommand(new MitiCommand.Suggest(projects, corpus, miti)));
		cli.addSubcommand(new CommandLine(new SurveyCommand())
			.addSubcommand(new SurveyCommand.Import(projects, survey))
			.addSubcommand(new SurveyCommand.Describe(projects, survey, participants)));
		cli.addSubcommand(new CommandLine(new ParticipantCommand())
			.addSubcommand(new ParticipantCommand.ListParticipants(projects, participants, speakers))
			.addSubcommand(new ParticipantCommand.Link(projects, corpus, speakers))
			.addSubcommand(new ParticipantCommand.Unlink(projects, corpus, speakers))
			.addSubcommand(new ParticipantCommand.Review(projects, corpus, speakers)));
		cli.addSubcommand(new MatrixCommand(projects, codebook, retrieval, participants, joint));
		cli.addSubcommand(new ReportCommand.Render(projects, report));
		cli.addSubcommand(new ReportCommand.Checklist(projects, report));
		cli.addSubcommand(new CommandLine(new QdpxCommand())
			.addSubcommand(new QdpxCommand.Export(projects, qdpx))
			.addSubcommand(new QdpxCommand.Import(qdpx)));
		cli.addSubcommand(new WordsCommand(projects, corpus, codebook, words));
		cli.addSubcommand(new DeidentifyCommand(projects, corpus, deid));
		cli.addSubcommand(new CommandLine(new MediaCommand())
			.addSubcommand(new MediaCommand.Attach(projects, corpus, media))
			.addSubcommand(new MediaCommand.ListMedia(projects, corpus, media))
			.addSubcommand(new MediaCommand.Detach(projects, corpus, media)));
		cli.addSubcommand(new GenerateCommand());
		cli.addSubcommand(new BenchCommand(benchmark));
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

	@Override
	public int getExitCode() {
		return exitCode;
	}

}

package quire.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quire.analysis.AttributeMatrix;
import quire.analysis.JointDisplayService;
import quire.coding.Code;
import quire.coding.CodeSystem;
import quire.coding.CodebookService;
import quire.coding.MatrixRow;
import quire.coding.RetrievalService;
import quire.corpus.ParticipantService;
import quire.project.ProjectService;

/** Codes or RE-AIM dimensions × a participant attribute: segments (participants) per cell. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
		description = "Codes or RE-AIM dimensions × a participant attribute: coded passages and participants per cell.")
@ReadsOnly
final class MatrixCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final CodebookService codebook;

	private final RetrievalService retrieval;

	private final ParticipantService participants;

	private final JointDisplayService joint;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", required = true, description = "the project's name")
	String project;

	@Option(names = "--rows", defaultValue = "codes", description = "codes or reaim (default: ${DEFAULT-VALUE})")
	String rows;

	@Option(names = "--system", defaultValue = "thematic",
			description = "with --rows codes: the code system, thematic or miti (default: ${DEFAULT-VALUE})")
	String system;

	@Option(names = "--columns", required = true, description = "a participant attribute, e.g. Group")
	String columns;

	@Option(names = "--json", description = "print JSON")
	boolean json;

	MatrixCommand(ProjectService projects, CodebookService codebook, RetrievalService retrieval, ParticipantService participants,
			JointDisplayService joint) {
		this.projects = projects;
		this.codebook = codebook;
		this.retrieval = retrieval;
		this.participants = participants;
		this.joint = joint;
	}

	@Override
	public Integer call() {
		var target = Lookups.project(projects, project);
		var attribute = participants.attribute(target.id(), columns).orElseThrow(() -> new IllegalArgumentException(
				"no participant attribute named '" + columns + "'; known: "
						+ participants.attributes(target.id()).stream().map(a -> a.name()).toList()));
		List<MatrixRow> matrixRows = switch (rows.toLowerCase(Locale.ROOT)) {
			case "reaim", "re-aim" -> retrieval.dimensionRows(target.id());
			case "codes" -> {
				var counts = codebook.codingCounts(target.id());
				yield retrieval.codeRows(target.id(), codebook.codes(target.id(), CodeSystem.parse(system)).stream()
					.map(Code::id)
					.filter(counts::containsKey)
					.toList());
			}
			default -> throw new IllegalArgumentException("unknown rows '" + rows + "': use codes or reaim");
		};
		String rowsScope = rows.toLowerCase(Locale.ROOT).equals("codes")
				? CodeSystem.parse(system).describe(matrixRows.size()) + " with codings"
				: "RE-AIM dimensions (codes mapped to them)";
		AttributeMatrix m = joint.codesByAttribute(target.id(), matrixRows, attribute, null);
		PrintWriter out = spec.commandLine().getOut();
		if (json) {
			List<Map<String, Object>> list = new ArrayList<>();
			for (int r = 0; r < m.rows().size(); r++) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("row", m.rows().get(r).label());
				Map<String, Object> cells = new LinkedHashMap<>();
				for (int c = 0; c < m.columns().size(); c++) {
					cells.put(m.columns().get(c), Map.of("segments", m.segments(r, c), "passages", m.passages(r, c),
							"participants", m.participants()[r][c]));
				}
				row.put("cells", cells);
				list.add(row);
			}
			Lookups.printJson(out, 
					Map.of("attribute", m.attribute(), "rowsScope", rowsScope, "columns", m.columns(), "rows", list));
			return 0;
		}
		out.println("Rows: " + rowsScope);
		out.printf(Locale.ROOT, "%-48s", "passages (participants)");
		m.columns().forEach(c -> out.printf(Locale.ROOT, " %16s", c.length() > 16 ? c.substring(0, 15) + "…" : c));
		out.println();
		for (int r = 0; r < m.rows().size(); r++) {
			String label = m.rows().get(r).label();
			out.printf(Locale.ROOT, "%-48s", label.length() > 48 ? label.substring(0, 47) + "…" : label);
			for (int c = 0; c < m.columns().size(); c++) {
				out.printf(Locale.ROOT, " %16s", m.passages(r, c) + " (" + m.participants()[r][c] + ")");
			}
			out.println();
		}
		return 0;
	}

}

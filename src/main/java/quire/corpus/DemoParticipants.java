package quire.corpus;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo project its participants' attributes from {@code corpora/demo/participants.csv}
 * (id, role, group, trial arm, gender, age, education): the caseworkers who speak in the transcripts
 * and the sick-listed workers of the MI arm, of whom 112 answered the questionnaire. Runs first in
 * the demo's creating transaction, so the questionnaire can link to these participants. The
 * caseworkers' transcript labels are linked to them in every document they speak in.
 */
@Component
class DemoParticipants {

	static final String FILE = "participants.csv";

	/** Known columns: attribute name, type and category order. */
	static final Map<String, Object[]> COLUMNS = Map.of(
			"role", new Object[] { "Role", AttributeKind.CATEGORY, List.of("caseworker", "sick-listed worker") },
			"group", new Object[] { "Group", AttributeKind.CATEGORY, List.of("MI", "MI-substitute") },
			"trial_arm", new Object[] { "Trial arm", AttributeKind.CATEGORY, List.of("UC", "UC+MI", "UC+SVAI") },
			"gender", new Object[] { "Gender", AttributeKind.CATEGORY, List.of("woman", "man") },
			"age", new Object[] { "Age", AttributeKind.NUMBER, List.of() },
			"education", new Object[] { "Education", AttributeKind.CATEGORY,
					List.of("lower secondary", "upper secondary", "higher") });

	private final ParticipantService participants;

	private final SpeakerLinkService speakers;

	DemoParticipants(ParticipantService participants, SpeakerLinkService speakers) {
		this.participants = participants;
		this.speakers = speakers;
	}

	@EventListener
	@Order(1)
	void on(DemoProjectCreated event) throws IOException {
		String text = new String(DemoProject.read(FILE), StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text)).getRecords();
		if (rows.isEmpty()) {
			return;
		}
		List<String> columns = new ArrayList<>(rows.get(0).getParser().getHeaderNames());
		columns.remove("id");
		for (String column : columns) {
			Object[] spec = COLUMNS.get(column);
			AttributeKind kind = spec == null ? AttributeKind.TEXT : (AttributeKind) spec[1];
			@SuppressWarnings("unchecked")
			List<String> order = spec == null ? List.of() : (List<String>) spec[2];
			Set<String> categories = new LinkedHashSet<>(order);
			if (kind == AttributeKind.CATEGORY) {
				rows.forEach(r -> {
					if (!r.get(column).isBlank()) {
						categories.add(r.get(column).strip());
					}
				});
			}
			participants.defineAttribute(event.projectId(), spec == null ? column : (String) spec[0], kind, List.copyOf(categories));
		}
		var attributes = participants.attributes(event.projectId());
		List<SpeakerLink> links = speakers.links(event.projectId());
		for (CSVRecord row : rows) {
			Participant p = participants.addParticipant(event.projectId(), row.get("id"));
			// the list names the caseworkers by their transcript label: the demo's researchers say that
			// "MI Caseworker 1" of the focus group and of MI session 1 is this one person
			for (SpeakerLink link : links) {
				if (link.speaker().equals(p.label())) {
					speakers.link(link.document(), link.speaker(), p.id());
				}
			}
			for (String column : columns) {
				String name = COLUMNS.containsKey(column) ? (String) COLUMNS.get(column)[0] : column;
				Attribute attribute = attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
				if (!row.get(column).isBlank()) {
					participants.setValue(List.of(p.id()), attribute, row.get(column));
				}
			}
		}
	}

}

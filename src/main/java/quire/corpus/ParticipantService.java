package quire.corpus;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.internal.ParticipantStore;
import quire.project.ProjectId;
import quire.tabular.NumberText;

/**
 * Participants (cases) and their typed attributes. Speaker labels become participants on import;
 * others (questionnaire respondents, people without transcripts) are added by name. Values are
 * checked against the attribute's type: numbers, ISO dates, or one of a category's values.
 */
@Service
@Transactional(readOnly = true)
public class ParticipantService {

	private final JdbcClient jdbc;

	private final CorpusService corpus;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final ParticipantStore people;

	ParticipantService(JdbcClient jdbc, CorpusService corpus, ProjectAccess access, AuditLog audit, ParticipantStore people) {
		this.people = people;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.corpus = corpus;
	}

	/** A project's attributes in their order. */
	public List<Attribute> attributes(ProjectId project) {
		return jdbc.sql("select id, name, kind, categories from attribute where project_id = ? order by position, id")
			.param(project.value())
			.query((rs, n) -> new Attribute(rs.getLong(1), rs.getString(2), AttributeKind.valueOf(rs.getString(3)),
					split(rs.getString(4))))
			.list();
	}

	public Optional<Attribute> attribute(ProjectId project, String name) {
		return attributes(project).stream().filter(a -> a.name().equalsIgnoreCase(name.strip())).findFirst();
	}

	/** Defines an attribute, or updates the type and categories of the one with that name. */
	@Transactional
	public Attribute defineAttribute(ProjectId project, String name, AttributeKind kind, List<String> categories) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "attribute", "defined '" + name + "'");
		String n = name.strip();
		if (n.isEmpty() || n.length() > 100) {
			throw new IllegalArgumentException("an attribute needs a name of at most 100 characters");
		}
		List<String> values = categories.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		if (kind == AttributeKind.CATEGORY && values.isEmpty()) {
			throw new IllegalArgumentException("the category attribute '" + n + "' needs its values, in order");
		}
		String joined = String.join("\n", kind == AttributeKind.CATEGORY ? values : List.of());
		Optional<Attribute> existing = attribute(project, n);
		if (existing.isPresent()) {
			jdbc.sql("update attribute set kind = ?, categories = ? where id = ?")
				.params(kind.name(), joined, existing.get().id())
				.update();
		}
		else {
			int position = jdbc.sql("select count(*) from attribute where project_id = ?").param(project.value())
				.query(Integer.class).single();
			jdbc.sql("insert into attribute (project_id, name, kind, categories, position) values (?, ?, ?, ?, ?)")
				.params(project.value(), n, kind.name(), joined, position)
				.update();
		}
		return attribute(project, n).orElseThrow();
	}

	/** Every participant with its values, by label. */
	public List<ParticipantRow> participants(ProjectId project) {
		Map<Long, Map<Long, String>> values = new HashMap<>();
		jdbc.sql("select v.participant_id, v.attribute_id, v.attribute_value from participant_value v "
				+ "join participant p on p.id = v.participant_id where p.project_id = ?")
			.param(project.value())
			.query((rs, n) -> values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getString(3)))
			.list();
		List<ParticipantRow> rows = new ArrayList<>();
		for (Participant p : corpus.participants(project)) {
			rows.add(new ParticipantRow(p, values.getOrDefault(p.id(), Map.of())));
		}
		return rows;
	}

	/**
	 * The labels of a project's participants by id, ordered by label as the database sorts them,
	 * without an access check: for modules that keep data per participant (questionnaire answers) and
	 * show it by label, which must not join the corpus's participant table.
	 */
	public Map<Long, String> labels(ProjectId project) {
		return people.labels(project);
	}

	/** The participant with that label, created when missing (e.g. a questionnaire respondent). */
	@Transactional
	public Participant addParticipant(ProjectId project, String label) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "participant", "added '" + label + "'");
		String l = label.strip();
		if (l.isEmpty() || l.length() > 200) {
			throw new IllegalArgumentException("a participant needs a label of at most 200 characters");
		}
		Optional<Long> id = jdbc.sql("select id from participant where project_id = ? and label = ?")
			.params(project.value(), l).query(Long.class).optional();
		if (id.isEmpty()) {
			jdbc.sql("insert into participant (project_id, label) values (?, ?)").params(project.value(), l).update();
		}
		return corpus.participants(project).stream().filter(p -> p.label().equals(l)).findFirst().orElseThrow();
	}

	/**
	 * Sets (or, with a blank value, clears) one attribute for several participants at once.
	 * @throws IllegalArgumentException when the value does not fit the attribute's type; nothing changes
	 */
	@Transactional
	public int setValue(Collection<Long> participants, Attribute attribute, @Nullable String value) {
		ProjectId attributeProject = jdbc.sql("select project_id from attribute where id = ?").param(attribute.id()).query(Long.class).optional().map(ProjectId::new).orElseThrow(() -> new IllegalArgumentException("no attribute with id " + attribute.id()));
		access.require(attributeProject, ProjectRole.CODER);
		audit.record(attributeProject, "attribute", "set '" + attribute.name() + "' for " + participants.size() + " participant(s)");
		String v = value == null ? "" : value.strip();
		if (!v.isEmpty()) {
			v = check(attribute, v);
		}
		for (Long p : participants) {
			jdbc.sql("delete from participant_value where participant_id = ? and attribute_id = ?").params(p, attribute.id())
				.update();
			if (!v.isEmpty()) {
				jdbc.sql("insert into participant_value (participant_id, attribute_id, attribute_value) values (?, ?, ?)")
					.params(p, attribute.id(), v)
					.update();
			}
		}
		return participants.size();
	}

	/** The value as stored for the attribute's type (numbers without trailing zeros, ISO dates, a category's own spelling). */
	public static String check(Attribute attribute, String value) {
		String v = value.strip();
		return switch (attribute.kind()) {
			case TEXT -> {
				if (v.length() > 500) {
					throw new IllegalArgumentException(attribute.name() + ": at most 500 characters");
				}
				yield v;
			}
			// either decimal separator; a comma is never a thousands separator, so "1,234" is 1.234
			case NUMBER -> NumberText.read(v)
				.filter(n -> !n.percent())
				.map(n -> n.value().stripTrailingZeros().toPlainString())
				.orElseThrow(() -> new IllegalArgumentException(attribute.name() + ": '" + v + "' is not a number"));
			case DATE -> {
				try {
					yield LocalDate.parse(v).toString();
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException(attribute.name() + ": '" + v + "' is not a date like 2019-05-14");
				}
			}
			case CATEGORY -> attribute.categories().stream().filter(c -> c.equalsIgnoreCase(v)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException(attribute.name() + ": '" + v + "' is not one of "
						+ String.join(", ", attribute.categories())));
		};
	}

	/** Participants grouped by their value of an attribute (categories in order; unset as "(not set)"). */
	public Map<String, List<Participant>> groupBy(ProjectId project, Attribute attribute) {
		Map<String, List<Participant>> groups = new LinkedHashMap<>();
		attribute.categories().forEach(c -> groups.put(c, new ArrayList<>()));
		for (ParticipantRow row : participants(project)) {
			String v = row.value(attribute);
			groups.computeIfAbsent(v.isEmpty() ? "(not set)" : v, k -> new ArrayList<>()).add(row.participant());
		}
		return groups;
	}

	private static List<String> split(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
	}

}

package quire.exchange.internal;

import static quire.exchange.internal.Qde.NS;
import static quire.exchange.internal.Qde.all;
import static quire.exchange.internal.Qde.first;
import static quire.exchange.internal.Qde.guid;
import static quire.exchange.internal.Qde.normalise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import quire.corpus.Attribute;
import quire.corpus.AttributeKind;
import quire.corpus.Participant;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.fidelity.Global;
import quire.project.ProjectId;

/**
 * Participants and their attributes as REFI-QDA cases and variables: written on export (with the
 * MITI global scores as source variables), read back on import as participants with typed attributes,
 * and speakers proposed as the case of their label.
 */
@Component
class CaseMapper {

	private final ParticipantService participants;

	private final SpeakerLinkService speakers;

	CaseMapper(ParticipantService participants, SpeakerLinkService speakers) {
		this.participants = participants;
		this.speakers = speakers;
	}

	static String variableGuid(Global g) {
		return guid("quire-miti-variable:" + g.name());
	}

	private static String attributeGuid(ProjectId project, Attribute a) {
		return guid("quire-attribute:" + project.value() + ":" + a.name());
	}

	/** {@code <Variables>} (participant attributes, and the MITI globals if {@code miti}) and {@code <Cases>}. */
	void write(XMLStreamWriter w, ProjectId project, boolean miti) throws XMLStreamException {
		List<Attribute> attributes = participants.attributes(project);
		if (miti || !attributes.isEmpty()) {
			w.writeStartElement(NS, "Variables");
			for (Attribute a : attributes) {
				w.writeStartElement(NS, "Variable");
				w.writeAttribute("guid", attributeGuid(project, a));
				w.writeAttribute("name", a.name());
				w.writeAttribute("typeOfVariable", switch (a.kind()) {
					case NUMBER -> "Float";
					case DATE -> "Date";
					default -> "Text";
				});
				if (!a.categories().isEmpty()) {
					w.writeStartElement(NS, "Description");
					w.writeCharacters("Categories: " + String.join("; ", a.categories()));
					w.writeEndElement();
				}
				w.writeEndElement();
			}
		}
		if (miti) {
			for (Global g : Global.values()) {
				w.writeStartElement(NS, "Variable");
				w.writeAttribute("guid", variableGuid(g));
				w.writeAttribute("name", "MITI " + g.label());
				w.writeAttribute("typeOfVariable", "Integer");
				w.writeStartElement(NS, "Description");
				w.writeCharacters("MITI 4.2.1 global score (1-5) of the session's primary rating, on the session transcript");
				w.writeEndElement();
				w.writeEndElement();
			}
		}
		if (miti || !attributes.isEmpty()) {
			w.writeEndElement();
		}
		List<ParticipantRow> rows = participants.participants(project);
		if (!rows.isEmpty()) {
			w.writeStartElement(NS, "Cases");
			for (ParticipantRow row : rows) {
				w.writeStartElement(NS, "Case");
				w.writeAttribute("guid", guid("quire-case:" + project.value() + ":" + row.participant().label()));
				w.writeAttribute("name", row.participant().label());
				for (Attribute a : attributes) {
					String value = row.value(a);
					if (value.isEmpty()) {
						continue;
					}
					w.writeStartElement(NS, "VariableValue");
					w.writeEmptyElement(NS, "VariableRef");
					w.writeAttribute("targetGUID", attributeGuid(project, a));
					w.writeStartElement(NS, switch (a.kind()) {
						case NUMBER -> "FloatValue";
						case DATE -> "DateValue";
						default -> "TextValue";
					});
					w.writeCharacters(value);
					w.writeEndElement();
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			w.writeEndElement();
		}
	}

	/**
	 * A case named exactly like a speaker label ("MI Caseworker 1") says that speaker is that case:
	 * each document's speaker of that label is proposed as the case, for the researcher to review, as
	 * a role label is otherwise a different person in each document.
	 */
	void proposeCasesForSpeakers(ProjectId project) {
		Map<String, Long> byLabel = new HashMap<>();
		participants.participants(project).forEach(r -> byLabel.put(r.participant().label(), r.participant().id()));
		for (SpeakerLink l : speakers.links(project)) {
			Long person = byLabel.get(l.speaker());
			if (person != null && person != l.participantId()) {
				speakers.propose(l.document(), l.speaker(), person);
			}
		}
	}

	/** Cases become participants; their variable values become typed participant attributes. */
	int read(ProjectId project, Element root, List<String> skipped) {
		Map<String, Element> variables = new HashMap<>();
		for (Element v : all(first(root, "Variables"), "Variable")) {
			variables.put(normalise(v.getAttribute("guid")), v);
		}
		Map<String, Attribute> defined = new HashMap<>();
		int cases = 0;
		int badValues = 0;
		int sourceLinks = 0;
		for (Element c : all(first(root, "Cases"), "Case")) {
			sourceLinks += all(c, "SourceRef").size() + all(c, "SelectionRef").size();
			String label = c.hasAttribute("name") && !c.getAttribute("name").isBlank() ? c.getAttribute("name").strip()
					: "case " + (cases + 1);
			if (label.length() > 200) {
				skipped.add("case '" + label.substring(0, 40) + "…': name longer than 200 characters");
				continue;
			}
			Participant participant = participants.addParticipant(project, label);
			cases++;
			for (Element vv : all(c, "VariableValue")) {
				Element ref = first(vv, "VariableRef");
				Element variable = ref == null ? null : variables.get(normalise(ref.getAttribute("targetGUID")));
				if (variable == null) {
					badValues++;
					continue;
				}
				String type = variable.getAttribute("typeOfVariable");
				AttributeKind kind = switch (type) {
					case "Integer", "Float" -> AttributeKind.NUMBER;
					case "Date", "DateTime" -> AttributeKind.DATE;
					case "Boolean" -> AttributeKind.CATEGORY;
					default -> AttributeKind.TEXT;
				};
				String name = variable.getAttribute("name").strip();
				if (name.isEmpty() || name.length() > 100) {
					badValues++;
					continue;
				}
				Element description = first(variable, "Description");
				String categories = description == null ? "" : description.getTextContent().strip();
				AttributeKind effective = kind == AttributeKind.TEXT && categories.startsWith("Categories: ")
						? AttributeKind.CATEGORY : kind;
				List<String> values = effective != AttributeKind.CATEGORY ? List.of()
						: kind == AttributeKind.CATEGORY ? List.of("true", "false")
								: List.of(categories.substring("Categories: ".length()).split("\\s*;\\s*"));
				Attribute attribute = defined.computeIfAbsent(name, n -> participants.defineAttribute(project, n, effective, values));
				String value = null;
				for (Node n = vv.getFirstChild(); n != null; n = n.getNextSibling()) {
					if (n instanceof Element e && e.getLocalName().endsWith("Value")) {
						value = e.getTextContent().strip();
					}
				}
				if (value == null || value.isEmpty()) {
					continue;
				}
				if (kind == AttributeKind.DATE && value.length() > 10) {
					value = value.substring(0, 10);
				}
				try {
					String checked = ParticipantService.check(attribute, value);
					participants.setValue(List.of(participant.id()), attribute, checked);
				}
				catch (IllegalArgumentException ex) {
					badValues++;
				}
			}
		}
		if (badValues > 0) {
			skipped.add(badValues + " case variable value(s) that do not fit their variable");
		}
		if (sourceLinks > 0) {
			skipped.add(sourceLinks + " link(s) from cases to sources or selections: Quire links a participant to a speaker"
					+ " in a transcript, not to a whole document (speakers named like a case are proposed as that case)");
		}
		return cases;
	}

}

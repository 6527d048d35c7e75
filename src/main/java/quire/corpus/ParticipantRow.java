package quire.corpus;

import java.util.Map;

/** A participant with its attribute values by attribute id (absent when not set). */
public record ParticipantRow(Participant participant, Map<Long, String> values) {

	public ParticipantRow {
		values = Map.copyOf(values);
	}

	public String value(Attribute attribute) {
		return values.getOrDefault(attribute.id(), "");
	}

}

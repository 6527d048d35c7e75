package quire.analysis;

import java.util.List;

import quire.coding.CodedSegment;

/**
 * One RE-AIM dimension of the joint display: its themes with exemplar quotes, the MITI evidence for the
 * caseworkers who speak in its coded segments, and the questionnaire evidence.
 */
public record JointDisplayRow(String dimension, List<Theme> themes, String mitiEvidence, String questionnaireEvidence) {

	/**
	 * A theme (or code) under the dimension with its codings (every coder's), the passages they make (a
	 * passage two coders both coded counts once: what a table reports) and exemplar quotes.
	 */
	public record Theme(String name, int segments, int passages, List<CodedSegment> exemplars) {
	}

}

package quire.analysis;

import java.util.List;

import quire.coding.CodedSegment;

/**
 * One RE-AIM dimension of the joint display: its themes with exemplar quotes, the MITI evidence for the
 * caseworkers who speak in its coded segments, and the questionnaire evidence.
 */
public record JointDisplayRow(String dimension, List<Theme> themes, String mitiEvidence, String questionnaireEvidence) {

	/** A theme (or code) under the dimension with its segment count and exemplar quotes. */
	public record Theme(String name, int segments, List<CodedSegment> exemplars) {
	}

}

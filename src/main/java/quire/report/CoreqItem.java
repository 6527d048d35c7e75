package quire.report;

import java.util.List;

/**
 * The 32 items of COREQ (Tong, Sainsbury &amp; Craig, International Journal for Quality in Health Care
 * 19(6), 2007): number, domain, item and the report section that carries it.
 */
public record CoreqItem(int number, String domain, String item, String guide, String section) {

	public static final List<CoreqItem> ALL = List.of(
			new CoreqItem(1, "Research team and reflexivity", "Interviewer/facilitator", "Which author/s conducted the interview or focus group?", "Methods: data collection"),
			new CoreqItem(2, "Research team and reflexivity", "Credentials", "What were the researcher's credentials? E.g. PhD, MD", "Methods: research team"),
			new CoreqItem(3, "Research team and reflexivity", "Occupation", "What was their occupation at the time of the study?", "Methods: research team"),
			new CoreqItem(4, "Research team and reflexivity", "Gender", "Was the researcher male or female?", "Methods: research team"),
			new CoreqItem(5, "Research team and reflexivity", "Experience and training", "What experience or training did the researcher have?", "Methods: research team"),
			new CoreqItem(6, "Research team and reflexivity", "Relationship established", "Was a relationship established prior to study commencement?", "Methods: research team"),
			new CoreqItem(7, "Research team and reflexivity", "Participant knowledge of the interviewer", "What did the participants know about the researcher?", "Methods: research team"),
			new CoreqItem(8, "Research team and reflexivity", "Interviewer characteristics", "What characteristics were reported about the interviewer/facilitator?", "Methods: research team"),
			new CoreqItem(9, "Study design", "Methodological orientation and theory", "What methodological orientation was stated to underpin the study?", "Methods: analysis"),
			new CoreqItem(10, "Study design", "Sampling", "How were participants selected?", "Methods: participants"),
			new CoreqItem(11, "Study design", "Method of approach", "How were participants approached?", "Methods: participants"),
			new CoreqItem(12, "Study design", "Sample size", "How many participants were in the study?", "Methods: participants"),
			new CoreqItem(13, "Study design", "Non-participation", "How many people refused to participate or dropped out? Reasons?", "Methods: participants"),
			new CoreqItem(14, "Study design", "Setting of data collection", "Where was the data collected?", "Methods: data collection"),
			new CoreqItem(15, "Study design", "Presence of non-participants", "Was anyone else present besides the participants and researchers?", "Methods: data collection"),
			new CoreqItem(16, "Study design", "Description of sample", "What are the important characteristics of the sample?", "Methods: participants"),
			new CoreqItem(17, "Study design", "Interview guide", "Were questions, prompts, guides provided by the authors? Was it pilot tested?", "Methods: data collection"),
			new CoreqItem(18, "Study design", "Repeat interviews", "Were repeat interviews carried out? If yes, how many?", "Methods: data collection"),
			new CoreqItem(19, "Study design", "Audio/visual recording", "Did the research use audio or visual recording to collect the data?", "Methods: data collection"),
			new CoreqItem(20, "Study design", "Field notes", "Were field notes made during and/or after the interview or focus group?", "Methods: data collection"),
			new CoreqItem(21, "Study design", "Duration", "What was the duration of the interviews or focus group?", "Methods: data collection"),
			new CoreqItem(22, "Study design", "Data saturation", "Was data saturation discussed?", "Methods: analysis"),
			new CoreqItem(23, "Study design", "Transcripts returned", "Were transcripts returned to participants for comment and/or correction?", "Methods: data collection"),
			new CoreqItem(24, "Analysis and findings", "Number of data coders", "How many data coders coded the data?", "Methods: analysis"),
			new CoreqItem(25, "Analysis and findings", "Description of the coding tree", "Did authors provide a description of the coding tree?", "Appendix: codebook"),
			new CoreqItem(26, "Analysis and findings", "Derivation of themes", "Were themes identified in advance or derived from the data?", "Methods: analysis"),
			new CoreqItem(27, "Analysis and findings", "Software", "What software, if applicable, was used to manage the data?", "Methods: analysis"),
			new CoreqItem(28, "Analysis and findings", "Participant checking", "Did participants provide feedback on the findings?", "Methods: analysis"),
			new CoreqItem(29, "Analysis and findings", "Quotations presented", "Were participant quotations presented to illustrate the themes? Was each quotation identified?", "Results"),
			new CoreqItem(30, "Analysis and findings", "Data and findings consistent", "Was there consistency between the data presented and the findings?", "Results"),
			new CoreqItem(31, "Analysis and findings", "Clarity of major themes", "Were major themes clearly presented in the findings?", "Results"),
			new CoreqItem(32, "Analysis and findings", "Clarity of minor themes", "Is there a description of diverse cases or discussion of minor themes?", "Results"));

}

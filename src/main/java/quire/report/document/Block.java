package quire.report.document;

/** One block of content in a {@link ReportDocument}. */
public sealed interface Block permits Heading, Paragraph, Quote, Table, BarChart, PageBreak {
}

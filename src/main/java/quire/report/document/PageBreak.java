package quire.report.document;

/** Forces the following content onto a new page (ignored by Markdown). */
public record PageBreak() implements Block {
}

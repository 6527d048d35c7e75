/**
 * A small, renderer-neutral report document model ({@link quire.report.document.ReportDocument}
 * and its {@link quire.report.document.Block blocks}) with renderers to Markdown, DOCX and PDF.
 */
package quire.report.document;

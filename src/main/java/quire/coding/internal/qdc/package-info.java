/**
 * Reading and writing REFI-QDA codebook files ({@code .qdc}, namespace {@code urn:QDA-XML:codebook:1.0}), so that
 * codebooks can move between Quire and other QDA tools (MAXQDA, ATLAS.ti, NVivo, QualCoder). Pure code without
 * Spring or a database: {@link quire.coding.internal.qdc.QdcReader} turns a file into a
 * {@link quire.coding.internal.qdc.QdcCodebook} or refuses it with a
 * {@link quire.coding.internal.qdc.QdcFormatException}, and {@link quire.coding.internal.qdc.QdcWriter} writes one
 * back. The XML parser is hardened against DOCTYPE and external-entity attacks.
 */
@NullMarked
package quire.coding.internal.qdc;

import org.jspecify.annotations.NullMarked;

/** The CoreNLP pipelines, the rule-based splitter and detectors, gazetteers and counting behind the nlp API. */
@NullMarked
package quire.nlp.internal;

import org.jspecify.annotations.NullMarked;

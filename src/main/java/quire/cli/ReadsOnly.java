package quire.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command that only reads (at most it records an audit entry). Before any other command runs, the event publications an
 * earlier process left incomplete (an index update a crash interrupted) are handed to their
 * listeners again; a command marked here skips that, since it writes nothing that could depend on
 * them. Unmarked commands are taken to write.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ReadsOnly {

}

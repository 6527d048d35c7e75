/** The login and first-administrator pages, and the administrators' page for user accounts. */
@NullMarked
package quire.security.ui;

import org.jspecify.annotations.NullMarked;

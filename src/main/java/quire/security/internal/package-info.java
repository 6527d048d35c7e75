/**
 * Spring Security configuration: password hashing, the web filter chain with Vaadin's configurer and
 * its headers, sign-in throttling, and the privacy of the embedded database.
 */
@NullMarked
package quire.security.internal;

import org.jspecify.annotations.NullMarked;

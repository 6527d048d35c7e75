/** Spring Security configuration: password hashing and the web filter chain with Vaadin's configurer. */
@NullMarked
package quire.security.internal;

import org.jspecify.annotations.NullMarked;

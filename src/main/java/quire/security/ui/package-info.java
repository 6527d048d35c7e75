/**
 * The login and first-administrator pages, the administrators' page for user accounts, and the web
 * app's filter chain ({@code WebSecurity}: Vaadin's security configurer, beside the login view it
 * names, so no class outside a {@code ui} package depends on Vaadin).
 */
@NullMarked
package quire.security.ui;

import org.jspecify.annotations.NullMarked;

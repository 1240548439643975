/**
 * Who may do what: sign-in (Spring Security with Vaadin's integration, BCrypt, lockout), the four nested
 * roles, per-user API tokens for GIS clients, the account store, and who may see personal data. Every
 * route and endpoint has a rule in {@link org.jiuquan.grassroots.security.SecurityConfiguration} or an
 * access annotation on its view; the role matrix test fails when one is missing.
 */
@NullMarked
package org.jiuquan.grassroots.security;

import org.jspecify.annotations.NullMarked;

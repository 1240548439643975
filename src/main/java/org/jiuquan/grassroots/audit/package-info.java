/**
 * The audit trail: an append-only log in PostGIS of sign-ins, exports, data changes and imports, user and
 * role changes and API-token use. Every feature that exports or changes data writes to it.
 */
@NullMarked
package org.jiuquan.grassroots.audit;

import org.jspecify.annotations.NullMarked;

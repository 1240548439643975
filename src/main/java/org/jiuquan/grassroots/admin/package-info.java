/** The admins' pages: users, roles and API tokens, and the audit trail with its CSV export. */
@NullMarked
package org.jiuquan.grassroots.admin;

import org.jspecify.annotations.NullMarked;

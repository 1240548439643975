/** What every HTTP endpoint shares: problem responses (RFC 9457) in the user's language, ETags, locale. */
@NullMarked
package org.jiuquan.grassroots.web;

import org.jspecify.annotations.NullMarked;

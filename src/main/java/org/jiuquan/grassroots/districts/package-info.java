/** The seven county-level districts: codes, names in both languages, seats and extents. */
@NullMarked
package org.jiuquan.grassroots.districts;

import org.jspecify.annotations.NullMarked;

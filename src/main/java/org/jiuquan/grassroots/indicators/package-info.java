/** Indicator definitions, per-district values per quarter, and the city figures PostGIS rolls up from them. */
@NullMarked
package org.jiuquan.grassroots.indicators;

import org.jspecify.annotations.NullMarked;

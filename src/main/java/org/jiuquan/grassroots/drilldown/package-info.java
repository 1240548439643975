/**
 * What the dashboard's drill-down reads below the district: a district's townships with their indicators for
 * a quarter (view township_indicator, V56), a township's organisations with their status at the quarter's
 * end, and where a township lies. Read-only; the townships themselves are kept by the townships feature.
 */
@NullMarked
package org.jiuquan.grassroots.drilldown;

import org.jspecify.annotations.NullMarked;

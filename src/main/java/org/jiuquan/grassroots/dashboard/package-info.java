/** The main view: map, layer switches and filters, indicator panel, detail cards, presentation mode. */
@NullMarked
package org.jiuquan.grassroots.dashboard;

import org.jspecify.annotations.NullMarked;

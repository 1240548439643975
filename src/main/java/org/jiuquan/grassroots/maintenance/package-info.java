/**
 * Data maintenance for editors: an organisation's status changes, and imports of a whole dataset (a ZIP in
 * the layout of geodata/). Every change and import is audited; a refused one changes nothing.
 */
@NullMarked
package org.jiuquan.grassroots.maintenance;

import org.jspecify.annotations.NullMarked;

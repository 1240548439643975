/**
 * Knowing when the data changed: a listener on PostgreSQL's data_version notifications (sent by the
 * triggers of V23 and V50 on every change, by any app instance) and a cache of reference data (periods,
 * indicators, districts, map styles) that forgets everything when one arrives.
 */
@NullMarked
package org.jiuquan.grassroots.datachanges;

import org.jspecify.annotations.NullMarked;

/** Party organisations, leaders and contact points as the dashboard's cards, search and counts see them. */
@NullMarked
package org.jiuquan.grassroots.organisations;

import org.jspecify.annotations.NullMarked;

/**
 * Townships (乡镇、街道): their official codes and names, their areas (approximate until real boundaries are
 * loaded) and their indicators per quarter, all kept and computed in PostGIS (V55, V56).
 */
@NullMarked
package org.jiuquan.grassroots.townships;

import org.jspecify.annotations.NullMarked;

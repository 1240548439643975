/** The UI's two languages: Chinese (zh-CN) first, English second. */
@NullMarked
package org.jiuquan.grassroots.i18n;

import org.jspecify.annotations.NullMarked;

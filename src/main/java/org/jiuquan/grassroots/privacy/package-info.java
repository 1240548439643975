/**
 * How personal data leaves the database: the SQL that masks leaders' phone numbers, and the choice the
 * caller makes for it. It knows nothing of who is signed in, so repositories can use it: the service that
 * serves a request decides (from security) and passes the decision down.
 */
@NullMarked
package org.jiuquan.grassroots.privacy;

import org.jspecify.annotations.NullMarked;

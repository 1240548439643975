/**
 * The words the data is written in, defined once for Java and SQL alike: the kinds and statuses of
 * organisations, and which statuses count as weak. Depends on nothing, so every feature can use it.
 * The database's CHECK constraints hold the same codes (OrganisationVocabularyIT keeps them in step).
 */
@NullMarked
package org.jiuquan.grassroots.vocabulary;

import org.jspecify.annotations.NullMarked;

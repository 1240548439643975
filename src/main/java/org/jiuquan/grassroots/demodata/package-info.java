/**
 * The demo dataset: the files in geodata/, the deterministic generator that makes them (and larger
 * copies for benchmarks), and the loader that puts a dataset into PostGIS in one transaction.
 */
@NullMarked
package org.jiuquan.grassroots.demodata;

import org.jspecify.annotations.NullMarked;

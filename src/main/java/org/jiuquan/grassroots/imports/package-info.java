/**
 * Editors' own files in: CSV (UTF-8 or GB18030/GBK), Excel and GIS files are read into staging tables,
 * checked row by row, previewed as a diff against the live organisations by 12-digit code, and applied in
 * one short transaction that records a dataset version (so every apply can be undone by a restore).
 */
@NullMarked
package org.jiuquan.grassroots.imports;

import org.jspecify.annotations.NullMarked;

package org.jiuquan.grassroots.imports;

/** One district's part of a preview: its organisations now, and how many an import adds, changes, removes. */
public record DistrictChanges(String code, String nameZh, long live, long added, long changed, long removed) {
}

package org.jiuquan.grassroots.imports;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a file holds: organisations, or one of the four lists that hang off them. The name is the one the
 * templates and the {@code entity} parameter use. A file says which by its headers (those of our templates,
 * the common Chinese ones, or the dataset's own field names), or the editor names it.
 */
enum ImportEntity {
    ORGANISATIONS("organisations"),
    LEADERS("leaders"),
    CONTACT_POINTS("contact-points"),
    INDICATOR_VALUES("indicator-values"),
    STATUS_CHANGES("status-changes");

    final String id;

    ImportEntity(String id) {
        this.id = id;
    }

    /** The entity an editor named, or null when none was named. */
    static @Nullable ImportEntity named(@Nullable String entity) {
        if (entity == null || entity.isBlank()) {
            return null;
        }
        for (ImportEntity e : values()) {
            if (e.id.equals(entity.strip()) || e.name().equalsIgnoreCase(entity.strip().replace('-', '_'))) {
                return e;
            }
        }
        throw ImportRefusal.badFile("import.bad-entity", entity, String.join(", ", Templates.ENTITIES));
    }

    static ImportEntity of(String id) {
        for (ImportEntity e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /**
     * The entity a header row speaks of. Organisation files are the default: only headers that an
     * organisation list would not have (a value, a phone, a leader's name, a status change's date without
     * anything else about the organisation) make it one of the others.
     */
    static ImportEntity detect(List<String> headers) {
        Set<RecordColumns.Field> fields = RecordColumns.map(headers).columns().keySet();
        boolean organisationColumns = headers.stream().map(OrganisationColumns::normalise)
                .anyMatch(h -> ORGANISATION_ONLY.contains(h));
        if (fields.contains(RecordColumns.Field.INDICATOR) && fields.contains(RecordColumns.Field.VALUE)) {
            return INDICATOR_VALUES;
        }
        if (fields.contains(RecordColumns.Field.LEADER) && fields.contains(RecordColumns.Field.ORGANISATION)) {
            return CONTACT_POINTS;
        }
        if (fields.contains(RecordColumns.Field.NAME) && fields.contains(RecordColumns.Field.PHONE)
                && fields.contains(RecordColumns.Field.LEVEL)) {
            return LEADERS;
        }
        if (!organisationColumns && fields.contains(RecordColumns.Field.ORGANISATION)
                && fields.contains(RecordColumns.Field.STATUS) && fields.contains(RecordColumns.Field.DATE)) {
            return STATUS_CHANGES;
        }
        return ORGANISATIONS;
    }

    /** Headers that only an organisation list has: with one of them a file of codes and statuses is organisations. */
    private static final Set<String> ORGANISATION_ONLY = Set.of("名称", "村名", "name", "name_zh", "经度", "纬度", "lon",
            "lat", "堡垒指数", "fortress_index", "乡镇", "township_zh", "状态起始日期", "status_since", "类型", "kind");
}

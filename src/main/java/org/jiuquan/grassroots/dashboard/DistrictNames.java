package org.jiuquan.grassroots.dashboard;

import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.districts.District;

/** The seven districts in their usual order, and their names in the page's language. */
record DistrictNames(List<District> districts) {

    List<String> codes() {
        return districts.stream().map(District::code).toList();
    }

    /** The district's name, or its code if no district has it. */
    String name(String code, Locale locale) {
        return districts.stream().filter(d -> d.code().equals(code)).findFirst().map(d -> d.name(locale)).orElse(code);
    }
}

package org.jiuquan.grassroots.drilldown;

/** A township found by name, with its district. */
public record TownshipHit(String code, String nameZh, String districtCode) {
}

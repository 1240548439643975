package org.jiuquan.grassroots.demodata;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hands out 12-digit codes the official list leaves free: in the township itself (villages 200-399,
 * grid branches 001-199) while it has room, then, for large scale factors, in synthetic blocks 500-999
 * of the district (which name no official township).
 */
final class OrganisationCodes {
    private final Set<String> taken = new HashSet<>();
    private final Map<String, Integer> nextInTownship = new LinkedHashMap<>();
    private final Map<String, Integer> extraInDistrict = new LinkedHashMap<>();

    OrganisationCodes(Divisions divisions) {
        divisions.villageCommittees().forEach(v -> taken.add(v.code()));
        divisions.communityCommittees().forEach(c -> taken.add(c.code()));
    }

    String village(String township) {
        return next(township, 200, 399, "village");
    }

    String gridBranch(String township) {
        return next(township, 1, 199, "grid");
    }

    private String next(String township, int first, int last, String kind) {
        String key = township + kind;
        for (int serial = nextInTownship.getOrDefault(key, first); serial <= last; serial++) {
            String code = township + String.format("%03d", serial);
            if (taken.add(code)) {
                nextInTownship.put(key, serial + 1);
                return code;
            }
        }
        nextInTownship.put(key, last + 1);
        String district = township.substring(0, 6);
        int k = extraInDistrict.merge(district + kind, 1, Integer::sum) - 1;
        int perBlock = last - first + 1;
        int block = 500 + k / perBlock;
        if (block > 999) {
            throw new IllegalStateException("district " + district + " ran out of 12-digit codes");
        }
        String code = district + String.format("%03d%03d", block, first + k % perBlock);
        taken.add(code);
        return code;
    }
}

package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Jiuquan's official township-level units, village committees and community committees, as written to
 * geodata/ by {@code npm run import-divisions} from the NBS statistical division codes (2023-06-30). The
 * demo's villages, communities and townships take their names and codes from here; their positions stay
 * synthetic.
 */
public record Divisions(List<Township> townships, List<Committee> villageCommittees,
                        List<Committee> communityCommittees) {

    public static final String TOWNSHIPS = "townships.csv";
    public static final String VILLAGE_COMMITTEES = "village-committees.csv";
    public static final String COMMUNITY_COMMITTEES = "community-committees.csv";

    /** The article counts 434 villages in 2017; the 2023 list holds 438 village committees. */
    public static final int DEMO_VILLAGES = 434;

    /** @param code the 9-digit statistical code: district (6) + township (3) */
    public record Township(String code, String nameZh, String districtCode) {

        /** 街道 (street offices, codes 001-099) are urban; towns and 乡 are rural. */
        public boolean urban() {
            return Integer.parseInt(code.substring(6)) < 100;
        }
    }

    /** @param code the 12-digit statistical code, whose first nine digits are its township's */
    public record Committee(String code, String nameZh, String townshipCode) {

        public String districtCode() {
            return code.substring(0, 6);
        }

        /** 新东村委会 -> 新东村, 加尔乌宗村民委员会 -> 加尔乌宗村: the village, not its committee. */
        public String villageName() {
            return nameZh.replaceFirst("(村委会|村民委员会)$", "村");
        }

        /** 民主街社区居委会 -> 民主街社区, 农垦社区居民委员会 -> 农垦社区. */
        public String communityName() {
            return nameZh.replaceFirst("(居委会|居民委员会)$", "");
        }
    }

    public Divisions {
        townships = townships.stream().sorted(Comparator.comparing(Township::code)).toList();
        villageCommittees = villageCommittees.stream().sorted(Comparator.comparing(Committee::code)).toList();
        communityCommittees = communityCommittees.stream().sorted(Comparator.comparing(Committee::code)).toList();
        Set<String> codes = townships.stream().map(Township::code).collect(Collectors.toSet());
        for (Committee committee : concat(villageCommittees, communityCommittees)) {
            if (!codes.contains(committee.townshipCode()) || !committee.code().startsWith(committee.townshipCode())) {
                throw new DatasetException(committee.code() + " " + committee.nameZh()
                        + "：所属乡镇不在 townships.csv 中 / its township is not in townships.csv");
            }
        }
    }

    /**
     * The 434 villages of the demo: every village committee but the four whose codes have the smallest
     * SHA-256 hashes. The choice is illustrative (which villages existed in 2017 is not known here), and
     * reproducible anywhere without a random generator.
     */
    public List<Committee> demoVillages() {
        int leaveOut = villageCommittees.size() - DEMO_VILLAGES;
        if (leaveOut < 0) {
            throw new DatasetException(VILLAGE_COMMITTEES + "：村委会少于 434 个 / fewer than 434 village committees");
        }
        Set<String> left = villageCommittees.stream().map(Committee::code)
                .sorted(Comparator.comparing(Divisions::sha256)).limit(leaveOut).collect(Collectors.toSet());
        return villageCommittees.stream().filter(v -> !left.contains(v.code())).toList();
    }

    public Map<String, Township> townshipsByCode() {
        return townships.stream().collect(Collectors.toMap(Township::code, Function.identity()));
    }

    public static Divisions read(DatasetFiles.Source source) {
        try {
            return new Divisions(
                    rows(source, TOWNSHIPS, List.of("code", "name_zh", "district_code"),
                            row -> new Township(matching(row, "code", "[0-9]{9}"), row.get("name_zh"),
                                    matching(row, "district_code", "[0-9]{6}"))),
                    rows(source, VILLAGE_COMMITTEES, List.of("code", "name_zh", "township_code"), Divisions::committee),
                    rows(source, COMMUNITY_COMMITTEES, List.of("code", "name_zh", "township_code"),
                            Divisions::committee));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Committee committee(Csv.Row row) {
        return new Committee(matching(row, "code", "[0-9]{12}"), row.get("name_zh"),
                matching(row, "township_code", "[0-9]{9}"));
    }

    private static <T> List<T> rows(DatasetFiles.Source source, String file, List<String> columns,
                                    Function<Csv.Row, T> mapper) throws IOException {
        String text = new String(source.read(file), StandardCharsets.UTF_8);
        return Csv.read(file, new java.io.StringReader(text), columns).stream().map(mapper).toList();
    }

    private static String matching(Csv.Row row, String column, String pattern) {
        String value = row.get(column);
        if (!value.matches(pattern)) {
            throw new DatasetException(row.file(), row.line(), column + " 格式不对 / " + column + " must match "
                    + pattern + ": '" + value + "'");
        }
        return value;
    }

    private static List<Committee> concat(List<Committee> a, List<Committee> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

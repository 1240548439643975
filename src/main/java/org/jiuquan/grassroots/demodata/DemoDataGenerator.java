package org.jiuquan.grassroots.demodata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;

/**
 * Makes the synthetic part of the demo dataset from the real outlines, deterministically (fixed seed):
 * villages, community grid branches, enterprises and social organisations, leaders and their contact
 * points, the status history of weak organisations, and per-district indicator values whose city totals
 * are the 2017 figures of the source article (see seed-figures.csv).
 *
 * <p>At scale factor N every count is N times larger (the same places hold more points); scale 1 is the
 * committed demo in geodata/.
 */
public final class DemoDataGenerator {

    public static final long SEED = 20171231L;

    /** Villages per district at scale 1 (434 in all); Suzhou has the most, Aksay and Subei few. */
    static final Map<String, Integer> VILLAGES = ordered("620902", 152, "620921", 80, "620922", 70, "620923", 9,
            "620924", 7, "620981", 60, "620982", 56);
    /** Community grid party organisations per district at scale 1 (846 in all). */
    static final Map<String, Integer> GRID_BRANCHES = ordered("620902", 360, "620921", 90, "620922", 95, "620923", 22,
            "620924", 18, "620981", 130, "620982", 131);
    /** Urban communities the grid branches belong to (118 in all, an illustrative figure). */
    static final Map<String, Integer> COMMUNITIES = ordered("620902", 48, "620921", 12, "620922", 13, "620923", 3,
            "620924", 3, "620981", 20, "620982", 19);
    /** County-level leaders (4 contact points each) and township leaders (2 each) per district. */
    static final Map<String, Integer> COUNTY_LEADERS = ordered("620902", 32, "620921", 24, "620922", 24, "620923", 18,
            "620924", 16, "620981", 24, "620982", 22);
    static final Map<String, Integer> TOWNSHIP_LEADERS = ordered("620902", 80, "620921", 40, "620922", 50, "620923", 15,
            "620924", 12, "620981", 45, "620982", 35);
    /** City leaders: 38 x 4 + 160 x 4 + 277 x 2 = 1,346 contact points. */
    static final int CITY_LEADERS = 38;

    /** Weak organisations rectified in 2017 per quarter (103 in all), and those found late in Q4 still open. */
    static final int[] RECTIFIED_PER_QUARTER = {15, 28, 32, 28};
    static final int FOUND_IN_Q4_STILL_WEAK = 5;
    static final int FOUND_IN_Q4_RECTIFYING = 7;

    static final Map<String, String> PLACE_PREFIX = ordered("620902", "酒泉", "620921", "金塔县", "620922", "瓜州县",
            "620923", "肃北县", "620924", "阿克塞县", "620981", "玉门市", "620982", "敦煌市");

    private static final LocalDate YEAR_START = LocalDate.of(2017, 1, 1);

    private final int scale;
    private final Random random = new Random(SEED);
    private final PlaceNames names = new PlaceNames(random);
    private final List<Dataset.Organisation> organisations = new ArrayList<>();
    private final List<Dataset.StatusChange> statusChanges = new ArrayList<>();
    private final List<Dataset.Leader> leaders = new ArrayList<>();
    private final List<Dataset.ContactPoint> contactPoints = new ArrayList<>();
    private final Map<String, Settlements> settlements = new LinkedHashMap<>();
    private final Map<String, List<Town>> towns = new LinkedHashMap<>();
    private final Map<String, CodeBlocks> codeBlocks = new LinkedHashMap<>();
    private long nextOrganisationId = 1;

    private record Town(String name, Coordinate centre) {
    }

    private DemoDataGenerator(int scale) {
        this.scale = scale;
    }

    /**
     * @param base the real inputs: outlines and indicator definitions (from geodata/)
     * @param seedFigures the article's figures (seed-figures.csv)
     */
    public static Dataset generate(int scale, List<Dataset.District> districts, List<Dataset.Indicator> indicators,
                                   List<SeedFigure> seedFigures) {
        if (scale < 1 || scale > 1000) {
            throw new IllegalArgumentException("scale must be between 1 and 1000, was " + scale);
        }
        return new DemoDataGenerator(scale).run(districts, indicators, seedFigures);
    }

    private Dataset run(List<Dataset.District> districts, List<Dataset.Indicator> indicators,
                        List<SeedFigure> seedFigures) {
        List<Dataset.District> sorted = districts.stream().sorted(Comparator.comparing(Dataset.District::code)).toList();
        if (!sorted.stream().map(Dataset.District::code).toList().equals(List.copyOf(VILLAGES.keySet()))) {
            throw new DatasetException("districts.geojson must hold the seven districts of Jiuquan");
        }
        for (Dataset.District district : sorted) {
            settlements.put(district.code(), new Settlements(random, district.outline(),
                    district.seat().getCoordinate()));
            towns.put(district.code(), makeTowns(district.code()));
        }
        Map<String, List<Long>> villages = new LinkedHashMap<>();
        Map<String, List<Long>> gridBranches = new LinkedHashMap<>();
        for (Dataset.District district : sorted) {
            villages.put(district.code(), makeVillages(district.code()));
            gridBranches.put(district.code(), makeGridBranches(district.code()));
        }
        makeLeadersAndContactPoints(villages, gridBranches);
        markWeakOrganisations();
        scoreFortressComponents();
        List<Dataset.IndicatorValue> values = new IndicatorValues(scale, random, organisations, statusChanges,
                contactPoints, COMMUNITIES.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        code -> code, code -> forDistrict(COMMUNITIES, code) * scale))).make(indicators, seedFigures);
        String checksum = sha256("generated:seed=" + SEED + ":scale=" + scale + ":"
                + organisations.size() + ":" + contactPoints.size());
        return new Dataset(scale == 1 ? "demo" : "demo-x" + scale, scale, checksum, sorted,
                List.copyOf(organisations), List.copyOf(statusChanges), List.copyOf(leaders),
                List.copyOf(contactPoints), indicators, values);
    }

    private List<Town> makeTowns(String district) {
        Settlements.Profile profile = forDistrict(Settlements.PROFILES, district);
        Settlements place = forDistrict(settlements, district);
        List<Town> result = new ArrayList<>();
        for (int i = 0; i < profile.townships(); i++) {
            Settlements.Anchor anchor = place.pickAnchor(profile.rural());
            Coordinate centre = place.around(anchor.lon(), anchor.lat(), anchor.spreadKm());
            result.add(new Town(names.township(i % 3 != 2), centre));
        }
        return result;
    }

    private List<Long> makeVillages(String district) {
        int count = forDistrict(VILLAGES, district) * scale;
        List<Town> districtTowns = forDistrict(towns, district);
        Settlements place = forDistrict(settlements, district);
        CodeBlocks codes = codeBlocks.computeIfAbsent(district, CodeBlocks::new);
        List<Long> ids = new ArrayList<>();
        for (int t = 0; t < districtTowns.size(); t++) {
            Town town = districtTowns.get(t);
            int inTown = count / districtTowns.size() + (t < count % districtTowns.size() ? 1 : 0);
            int block = codes.next();
            int seq = 200;
            for (int v = 0; v < inTown; v++) {
                if (seq > 399) {
                    block = codes.next();
                    seq = 200;
                }
                Coordinate at = place.around(town.centre().x, town.centre().y, 3.5);
                ids.add(addOrganisation(codes.code(block, seq++), "village", names.village(), town.name(), district, at));
            }
        }
        return ids;
    }

    private List<Long> makeGridBranches(String district) {
        int count = forDistrict(GRID_BRANCHES, district) * scale;
        int communities = forDistrict(COMMUNITIES, district) * scale;
        Settlements.Profile profile = forDistrict(Settlements.PROFILES, district);
        Settlements place = forDistrict(settlements, district);
        List<Town> districtTowns = forDistrict(towns, district);
        CodeBlocks codes = codeBlocks.computeIfAbsent(district, CodeBlocks::new);
        List<Long> ids = new ArrayList<>();
        // Grid codes run on across communities, so large scale factors do not use up the code blocks.
        int block = codes.next();
        int seq = 1;
        for (int c = 0; c < communities; c++) {
            // Most communities are in the county towns; about one in six is in a township seat.
            Coordinate centre;
            String township;
            if (c % 6 == 5) {
                Town town = districtTowns.get(random.nextInt(districtTowns.size()));
                centre = place.around(town.centre().x, town.centre().y, 0.8);
                township = town.name();
            } else {
                Settlements.Anchor anchor = place.pickAnchor(profile.urban());
                centre = place.around(anchor.lon(), anchor.lat(), profile.urbanSpreadKm());
                township = "城区街道";
            }
            String community = names.community();
            int inCommunity = count / communities + (c < count % communities ? 1 : 0);
            for (int g = 0; g < inCommunity; g++) {
                if (seq > 199) {
                    block = codes.next();
                    seq = 1;
                }
                Coordinate at = place.around(centre.x, centre.y, 0.4);
                String name = community + "第" + (g + 1) + "网格党支部";
                ids.add(addOrganisation(codes.code(block, seq++), "grid_branch", name, township, district, at));
            }
        }
        return ids;
    }

    /** Hands out the township part (digits 7-9) of NBS-style codes, one block of up to 200 codes at a time. */
    private static final class CodeBlocks {
        private final String district;
        private int last;

        CodeBlocks(String district) {
            this.district = district;
        }

        int next() {
            if (++last > 999) {
                throw new IllegalStateException("district " + district + " ran out of 12-digit codes");
            }
            return last;
        }

        String code(int block, int seq) {
            return district + String.format("%03d%03d", block, seq);
        }
    }

    private long addOrganisation(String code, String kind, String name, String township, String district,
                                 Coordinate at) {
        long id = nextOrganisationId++;
        BigDecimal index = fortressIndex(80, 7, 60, 99);
        organisations.add(new Dataset.Organisation(id, code, kind, name, township, district, index, "normal",
                YEAR_START, at.x, at.y, List.of()));
        return id;
    }

    private long addLinkedOrganisation(String kind, String district) {
        Settlements place = forDistrict(settlements, district);
        String prefix = forDistrict(PLACE_PREFIX, district);
        Coordinate at;
        if (random.nextInt(10) < 7) {
            Settlements.Anchor anchor = place.pickAnchor(forDistrict(Settlements.PROFILES, district).urban());
            at = place.around(anchor.lon(), anchor.lat(), kind.equals("enterprise") ? 5.0 : 2.5);
        } else {
            List<Town> districtTowns = forDistrict(towns, district);
            Town town = districtTowns.get(random.nextInt(districtTowns.size()));
            at = place.around(town.centre().x, town.centre().y, 2.0);
        }
        String name = kind.equals("enterprise") ? names.enterprise(prefix) : names.socialOrganisation(prefix);
        long id = nextOrganisationId++;
        organisations.add(new Dataset.Organisation(id, null, kind, name, null, district, fortressIndex(78, 9, 55, 99),
                "normal", YEAR_START, at.x, at.y, List.of()));
        return id;
    }

    private void makeLeadersAndContactPoints(Map<String, List<Long>> villages, Map<String, List<Long>> gridBranches) {
        List<String> districts = List.copyOf(VILLAGES.keySet());
        long leaderId = 1;
        long contactId = 1;
        List<String[]> roster = new ArrayList<>();
        for (int i = 0; i < CITY_LEADERS * scale; i++) {
            roster.add(new String[] {"city", null});
        }
        for (String district : districts) {
            for (int i = 0; i < forDistrict(COUNTY_LEADERS, district) * scale; i++) {
                roster.add(new String[] {"county", district});
            }
        }
        for (String district : districts) {
            for (int i = 0; i < forDistrict(TOWNSHIP_LEADERS, district) * scale; i++) {
                roster.add(new String[] {"township", district});
            }
        }
        for (String[] entry : roster) {
            String level = entry[0];
            String home = entry[1];
            long id = leaderId++;
            leaders.add(new Dataset.Leader(id, names.person(), level, title(level, home, id), home, phone()));
            // "四联系两包抓": city and county leaders take a village, a community, an enterprise and a
            // social organisation; township leaders a village and a community of their own district.
            String district = home != null ? home : weightedDistrict(districts);
            Set<Long> linked = new HashSet<>();
            linked.add(pick(forDistrict(villages, district)));
            linked.add(pick(forDistrict(gridBranches, level.equals("city") ? weightedDistrict(districts) : district)));
            if (!level.equals("township")) {
                linked.add(addLinkedOrganisation("enterprise", district));
                linked.add(addLinkedOrganisation("social_org", district));
            }
            for (long organisationId : linked.stream().sorted().toList()) {
                LocalDate established = YEAR_START.minusDays(random.nextInt(400));
                contactPoints.add(new Dataset.ContactPoint(contactId++, id, organisationId, established));
            }
        }
    }

    private String weightedDistrict(List<String> districts) {
        int total = VILLAGES.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (String district : districts) {
            r -= forDistrict(VILLAGES, district);
            if (r < 0) {
                return district;
            }
        }
        return districts.get(0);
    }

    private String title(String level, String district, long id) {
        return switch (level) {
            case "city" -> List.of("市委常委", "副市长", "市人大常委会副主任", "市政协副主席", "市委副书记")
                    .get((int) (id % 5));
            case "county" -> {
                String unit = district.equals("620902") ? "区" : district.startsWith("62098") ? "市" : "县";
                yield List.of(unit + "委常委", "副" + unit + "长", unit + "人大常委会副主任", unit + "政协副主席")
                        .get((int) (id % 4));
            }
            default -> List.of("乡镇党委书记", "乡镇长", "乡镇党委副书记").get((int) (id % 3));
        };
    }

    /** Synthetic mobile numbers; real ones are personal data and never part of the demo. */
    private String phone() {
        return "1" + "3589".charAt(random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /**
     * Weak and lax organisations: found late in 2016 or early 2017, taken in hand, rectified through the
     * year (15, 28, 32 and 28 per quarter: 103 in all); a dozen more found in the Q4 review are still open.
     */
    private void markWeakOrganisations() {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < organisations.size(); i++) {
            String kind = organisations.get(i).kind();
            if (kind.equals("village") || kind.equals("grid_branch")) {
                candidates.add(i);
            }
        }
        java.util.Collections.shuffle(candidates, random);
        int next = 0;
        for (int quarter = 0; quarter < 4; quarter++) {
            LocalDate quarterStart = YEAR_START.plusMonths(3L * quarter);
            for (int n = 0; n < RECTIFIED_PER_QUARTER[quarter] * scale; n++) {
                int index = candidates.get(next++);
                LocalDate found = LocalDate.of(2016, 11, 1).plusDays(random.nextInt(100));
                LocalDate rectified = quarterStart.plusDays(random.nextInt(88));
                LocalDate rectifying = found.plusDays(10 + random.nextInt(30));
                if (!rectifying.isBefore(rectified)) {
                    rectifying = rectified.minusDays(5);
                }
                if (!rectifying.isAfter(found)) {
                    found = rectifying.minusDays(5);
                }
                setStatus(index, fortressIndex(68, 5, 60, 80), "rectified", rectified);
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), found, "weak"));
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), rectifying, "rectifying"));
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), rectified, "rectified"));
            }
        }
        for (int n = 0; n < (FOUND_IN_Q4_STILL_WEAK + FOUND_IN_Q4_RECTIFYING) * scale; n++) {
            int index = candidates.get(next++);
            LocalDate found = LocalDate.of(2017, 10, 9).plusDays(random.nextInt(50));
            statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), found, "weak"));
            if (n < FOUND_IN_Q4_RECTIFYING * scale) {
                LocalDate rectifying = found.plusDays(7 + random.nextInt(14));
                setStatus(index, fortressIndex(54, 4, 45, 62), "rectifying", rectifying);
                statusChanges.add(new Dataset.StatusChange(organisations.get(index).id(), rectifying, "rectifying"));
            } else {
                setStatus(index, fortressIndex(45, 6, 30, 58), "weak", found);
            }
        }
        Set<Long> withHistory = new HashSet<>();
        statusChanges.forEach(change -> withHistory.add(change.organisationId()));
        for (Dataset.Organisation organisation : organisations) {
            if (!withHistory.contains(organisation.id())) {
                statusChanges.add(new Dataset.StatusChange(organisation.id(), YEAR_START, "normal"));
            }
        }
        statusChanges.sort(Comparator.comparingLong(Dataset.StatusChange::organisationId)
                .thenComparing(Dataset.StatusChange::validFrom));
    }

    private void setStatus(int index, BigDecimal fortress, String status, LocalDate since) {
        organisations.set(index, organisations.get(index).withStatus(fortress, status, since));
    }

    /**
     * Component scores around each organisation's level, and the index taken from them. A random sequence
     * of its own, so that adding components changed nothing else of the dataset.
     */
    private void scoreFortressComponents() {
        Random componentRandom = new Random(SEED + 1);
        organisations.replaceAll(o -> {
            List<BigDecimal> components = FortressIndex.around(o.fortressIndex().doubleValue(), componentRandom);
            return o.withFortress(FortressIndex.of(components), components);
        });
    }

    private BigDecimal fortressIndex(double mean, double spread, double min, double max) {
        double value = Math.max(min, Math.min(max, mean + random.nextGaussian() * spread));
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** A district's entry of one of the tables above, which all hold the seven districts. */
    static <V> V forDistrict(Map<String, V> table, String district) {
        return Objects.requireNonNull(table.get(district), () -> "no entry for district " + district);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String sha256(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

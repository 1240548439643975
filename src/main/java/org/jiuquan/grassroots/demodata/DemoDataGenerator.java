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
 * Makes the synthetic part of the demo dataset from the real outlines and the official names and codes of
 * townships, villages and communities ({@link Divisions}), deterministically (fixed seed): the positions
 * of villages and community grid branches, enterprises and social organisations, leaders and their
 * contact points, the status history of weak organisations, and per-district indicator values whose city
 * totals are the 2017 figures of the source article (see seed-figures.csv).
 *
 * <p>Every township gets a synthetic centre in its district's settled area (the county seat's town at
 * the seat, street offices in the county town), and its villages and communities lie around it.
 *
 * <p>At scale factor N every count is N times larger (the same places hold more points); scale 1 is the
 * committed demo in geodata/.
 */
public final class DemoDataGenerator {

    public static final long SEED = 20171231L;

    /** Villages per district at scale 1 (434 in all): the official village committees of {@link Divisions#demoVillages()}. */
    static final Map<String, Integer> VILLAGES = ordered("620902", 121, "620921", 88, "620922", 75, "620923", 25,
            "620924", 11, "620981", 59, "620982", 55);
    /** Community grid party organisations per district at scale 1 (846 in all). */
    static final Map<String, Integer> GRID_BRANCHES = ordered("620902", 360, "620921", 90, "620922", 95, "620923", 22,
            "620924", 18, "620981", 130, "620982", 131);
    /** The official community committees the grid branches belong to (80 in all). */
    static final Map<String, Integer> COMMUNITIES = ordered("620902", 23, "620921", 5, "620922", 14, "620923", 2,
            "620924", 4, "620981", 22, "620982", 10);
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

    static final LocalDate YEAR_START = LocalDate.of(2017, 1, 1);

    private final int scale;
    private final Random random = new Random(SEED);
    private final PlaceNames names = new PlaceNames(random);
    private final List<Dataset.Organisation> organisations = new ArrayList<>();
    private final List<Dataset.StatusChange> statusChanges = new ArrayList<>();
    private final List<Dataset.Leader> leaders = new ArrayList<>();
    private final List<Dataset.ContactPoint> contactPoints = new ArrayList<>();
    private final Map<String, Settlements> settlements = new LinkedHashMap<>();
    private final Map<String, List<Town>> towns = new LinkedHashMap<>();
    private final Map<String, Town> townsByCode = new LinkedHashMap<>();
    private final Divisions divisions;
    private final OrganisationCodes codes;
    private long nextOrganisationId = 1;

    private record Town(Divisions.Township township, Coordinate centre) {
        String name() {
            return township.nameZh();
        }
    }

    private DemoDataGenerator(int scale, Divisions divisions) {
        this.scale = scale;
        this.divisions = divisions;
        this.codes = new OrganisationCodes(divisions);
    }

    /**
     * @param base the real inputs: outlines and indicator definitions (from geodata/)
     * @param seedFigures the article's figures (seed-figures.csv)
     */
    public static Dataset generate(int scale, List<Dataset.District> districts, List<Dataset.Indicator> indicators,
                                   List<SeedFigure> seedFigures, Divisions divisions) {
        if (scale < 1 || scale > 1000) {
            throw new IllegalArgumentException("scale must be between 1 and 1000, was " + scale);
        }
        return new DemoDataGenerator(scale, divisions).run(districts, indicators, seedFigures);
    }

    private Dataset run(List<Dataset.District> districts, List<Dataset.Indicator> indicators,
                        List<SeedFigure> seedFigures) {
        List<Dataset.District> sorted = districts.stream().sorted(Comparator.comparing(Dataset.District::code)).toList();
        if (!sorted.stream().map(Dataset.District::code).toList().equals(List.copyOf(VILLAGES.keySet()))) {
            throw new DatasetException("districts.geojson must hold the seven districts of Jiuquan");
        }
        checkCounts();
        for (Dataset.District district : sorted) {
            settlements.put(district.code(), new Settlements(random, district.outline(),
                    district.seat().getCoordinate()));
            towns.put(district.code(), makeTowns(district));
        }
        Map<String, List<Long>> villages = new LinkedHashMap<>();
        Map<String, List<Long>> gridBranches = new LinkedHashMap<>();
        for (Dataset.District district : sorted) {
            villages.put(district.code(), makeVillages(district.code()));
            gridBranches.put(district.code(), makeGridBranches(district.code()));
        }
        makeLeadersAndContactPoints(villages, gridBranches);
        new WeakOrganisations(scale, random, organisations, statusChanges).mark();
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

    /** The fixed per-district counts above must be those of the official lists (a changed list needs new counts). */
    private void checkCounts() {
        Map<String, Integer> villages = new LinkedHashMap<>();
        divisions.demoVillages().forEach(v -> villages.merge(v.districtCode(), 1, Integer::sum));
        Map<String, Integer> communities = new LinkedHashMap<>();
        divisions.communityCommittees().forEach(c -> communities.merge(c.districtCode(), 1, Integer::sum));
        if (!villages.equals(VILLAGES) || !communities.equals(COMMUNITIES)) {
            throw new DatasetException(Divisions.VILLAGE_COMMITTEES + ", " + Divisions.COMMUNITY_COMMITTEES
                    + "：各区县村、社区数与生成器不符 / villages or communities per district differ from the generator's: "
                    + villages + " " + communities);
        }
    }

    /** A synthetic centre for every official township: the seat's town at the seat, street offices in town. */
    private List<Town> makeTowns(Dataset.District district) {
        Settlements.Profile profile = forDistrict(Settlements.PROFILES, district.code());
        Settlements place = forDistrict(settlements, district.code());
        List<Town> result = new ArrayList<>();
        for (Divisions.Township township : divisions.townships()) {
            if (!township.districtCode().equals(district.code())) {
                continue;
            }
            Coordinate centre;
            if (township.nameZh().equals(district.seatNameZh())) {
                centre = place.around(district.seat().getX(), district.seat().getY(), 0.3);
            } else if (township.urban()) {
                Settlements.Anchor anchor = place.pickAnchor(profile.urban());
                centre = place.around(anchor.lon(), anchor.lat(), profile.urbanSpreadKm());
            } else {
                Settlements.Anchor anchor = place.pickAnchor(profile.rural());
                centre = place.around(anchor.lon(), anchor.lat(), anchor.spreadKm());
            }
            Town town = new Town(township, centre);
            result.add(town);
            townsByCode.put(township.code(), town);
        }
        return result;
    }

    /**
     * The official villages of the district around their townships' centres. At scale N each village has
     * N - 1 numbered copies (新东2村...) in the same township, with codes the official list leaves free.
     */
    private List<Long> makeVillages(String district) {
        Settlements place = forDistrict(settlements, district);
        List<Divisions.Committee> official = divisions.demoVillages().stream()
                .filter(v -> v.districtCode().equals(district)).toList();
        List<Long> ids = new ArrayList<>();
        for (int copy = 0; copy < scale; copy++) {
            for (Divisions.Committee village : official) {
                Town town = forDistrict(townsByCode, village.townshipCode());
                Coordinate at = place.around(town.centre().x, town.centre().y, 3.5);
                String code = copy == 0 ? village.code() : codes.village(village.townshipCode());
                String name = copy == 0 ? village.villageName() : numbered(village.villageName(), copy + 1);
                ids.add(addOrganisation(code, "village", name, town.name(), district, at));
            }
        }
        return ids;
    }

    /**
     * The district's grid branches, shared out over its official communities (and their numbered copies at
     * scale N). A grid branch has no official code of its own: it gets a free code of its community's
     * township, so its first nine digits still name the township.
     */
    private List<Long> makeGridBranches(String district) {
        int count = forDistrict(GRID_BRANCHES, district) * scale;
        Settlements place = forDistrict(settlements, district);
        List<Divisions.Committee> official = divisions.communityCommittees().stream()
                .filter(c -> c.districtCode().equals(district)).toList();
        int communities = official.size() * scale;
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            Divisions.Committee community = official.get(c % official.size());
            int copy = c / official.size();
            Town town = forDistrict(townsByCode, community.townshipCode());
            Coordinate centre = place.around(town.centre().x, town.centre().y, town.township().urban() ? 1.5 : 0.8);
            String name = copy == 0 ? community.communityName() : numbered(community.communityName(), copy + 1);
            int inCommunity = count / communities + (c < count % communities ? 1 : 0);
            for (int g = 0; g < inCommunity; g++) {
                Coordinate at = place.around(centre.x, centre.y, 0.4);
                ids.add(addOrganisation(codes.gridBranch(community.townshipCode()), "grid_branch",
                        name + "第" + (g + 1) + "网格党支部", town.name(), district, at));
            }
        }
        return ids;
    }

    private boolean hasCommunities(String townshipCode) {
        return divisions.communityCommittees().stream().anyMatch(c -> c.townshipCode().equals(townshipCode));
    }

    /** 新东村 -> 新东2村, 民主街社区 -> 民主街2社区: copies at scale N keep the kind's ending. */
    private static String numbered(String name, int n) {
        int cut = name.endsWith("社区") ? name.length() - 2 : name.length() - 1;
        return name.substring(0, cut) + n + name.substring(cut);
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
        // Seven in ten in the towns that have communities (county towns, mining and farm towns), the rest
        // in any township; each lies near its township's centre and names that township.
        List<Town> districtTowns = forDistrict(towns, district);
        List<Town> urban = districtTowns.stream().filter(t -> hasCommunities(t.township().code())).toList();
        boolean inTown = random.nextInt(10) < 7 && !urban.isEmpty();
        List<Town> from = inTown ? urban : districtTowns;
        Town town = from.get(random.nextInt(from.size()));
        Coordinate at = place.around(town.centre().x, town.centre().y,
                inTown ? (kind.equals("enterprise") ? 3.0 : 1.5) : 2.0);
        String name = kind.equals("enterprise") ? names.enterprise(prefix) : names.socialOrganisation(prefix);
        long id = nextOrganisationId++;
        organisations.add(new Dataset.Organisation(id, null, kind, name, town.name(), district,
                fortressIndex(78, 9, 55, 99), "normal", YEAR_START, at.x, at.y, List.of()));
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
        return fortressIndex(random, mean, spread, min, max);
    }

    /** An index drawn around a mean, within bounds, with one decimal. */
    static BigDecimal fortressIndex(Random random, double mean, double spread, double min, double max) {
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

package org.jiuquan.grassroots.demodata;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invented Chinese names for what the official lists do not name: enterprises, social organisations and
 * people. (Villages, communities and townships carry their official names, see {@link Divisions}.)
 * Names are kept unique within a kind as long as the supply lasts, then numbered.
 */
final class PlaceNames {

    private static final List<String> SURNAMES = chars("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文");
    private static final List<String> GIVEN = chars("建国军华明伟强磊洋勇艳杰娟涛斌超秀英霞平刚桂兰玉芳海燕红梅志文德成庆林宏亮晓东新春荣俊");
    private static final List<String> FIRM_WORDS = List.of("瑞丰", "鑫源", "华泰", "宏达", "盛通", "金川", "祁连", "丝路", "绿洲", "雪峰",
            "天成", "恒基", "大漠", "长城", "丰源", "西部", "阳关", "汉唐");
    private static final List<String> INDUSTRIES = List.of("新能源有限公司", "农业发展有限公司", "建材有限责任公司", "物流有限公司",
            "商贸有限公司", "食品有限公司", "风电设备有限公司", "光伏发电有限公司", "番茄制品有限公司", "葡萄酒业有限公司",
            "旅游开发有限公司", "种业有限公司", "节水灌溉有限公司", "矿业有限公司");
    private static final List<String> SOCIETIES = List.of("个体劳动者协会", "私营企业协会", "商会", "旅游行业协会", "蜜瓜产业协会",
            "志愿者协会", "律师协会", "物业管理协会", "餐饮行业协会", "物流行业协会", "红十字会", "社会工作者协会",
            "养殖专业协会", "种植专业协会", "文化创意协会", "老年人协会");

    private final Random random;
    private final Set<String> used = new HashSet<>();
    /** The last number given to each spent name: numbers of one name are taken in order, 2, 3, ... */
    private final java.util.Map<String, Integer> lastNumber = new java.util.HashMap<>();

    PlaceNames(Random random) {
        this.random = random;
    }

    String enterprise(String placePrefix) {
        return unique(() -> placePrefix + pick(FIRM_WORDS) + pick(INDUSTRIES) + "党支部");
    }

    String socialOrganisation(String placePrefix) {
        return unique(() -> placePrefix + pick(SOCIETIES) + "党支部");
    }

    /** People's names repeat in real life too: no uniqueness here. */
    String person() {
        String given = random.nextInt(3) == 0 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
        return pick(SURNAMES) + given;
    }

    private String unique(java.util.function.Supplier<String> maker) {
        for (int attempt = 0; attempt < 40; attempt++) {
            String name = maker.get();
            if (used.add(name)) {
                return name;
            }
        }
        // The supply of combinations is spent (large scale factors): number the name.
        // Searching from 2 every time made this quadratic (seconds at large scale factors); the numbers a name has
        // had are 2 to its last one, so the search goes on from there and finds the same first free number.
        String base = maker.get();
        for (int n = lastNumber.getOrDefault(base, 1) + 1; ; n++) {
            String name = insertNumber(base, n);
            if (used.add(name)) {
                lastNumber.put(base, n);
                return name;
            }
        }
    }

    /** Put the number before the kind's ending: 酒泉瑞丰商会2党支部. */
    private static String insertNumber(String name, int n) {
        int cut = name.endsWith("党支部") ? name.length() - 3 : name.length() - 1;
        return name.substring(0, cut) + n + name.substring(cut);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static List<String> chars(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }
}

package org.jiuquan.grassroots.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditEvent;
import org.jiuquan.grassroots.i18n.Translations;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class AuditTextTest {

    private final AuditText text = new AuditText(new Translations(), messages());

    @Test
    void aRoleChangeReadsInEachReadersLanguageWithNoCodeLeft() {
        AuditEvent event = event("user.role", null,
                AuditDetail.of("audit.detail.user.role", AuditDetail.of("role.viewer"), AuditDetail.of("role.analyst")));
        assertThat(AuditText.plain(text.detail(event, Translations.CHINESE))).isEqualTo("查看者 → 分析员");
        assertThat(AuditText.plain(text.detail(event, Translations.ENGLISH))).isEqualTo("Viewer → Analyst");
        assertThat(text.action("user.role", Translations.ENGLISH)).isEqualTo("Role changed");
    }

    @Test
    void quotedDataIsToldApartFromTheWordsAroundIt() {
        AuditEvent event = event("token.revoke", null, AuditDetail.of("audit.detail.token", "5", "测绘组"));
        assertThat(text.detail(event, Translations.ENGLISH)).containsExactly(new AuditText.Part("Token ", false),
                new AuditText.Part("5", true), new AuditText.Part(" \"", false), new AuditText.Part("测绘组", true),
                new AuditText.Part("\"", false));
        assertThat(AuditText.plain(text.detail(event, Translations.CHINESE))).isEqualTo("令牌 5“测绘组”");
    }

    @Test
    void anImportRefusalIsWordedByTheApiMessagesInTheReadersLanguage() {
        AuditEvent event = event("data.import", null, AuditDetail.of("audit.detail.import.refused",
                AuditDetail.of("import.bad-entity", "things", "organisations, leaders")));
        assertThat(AuditText.plain(text.detail(event, Translations.ENGLISH)))
                .isEqualTo("Refused: Data kind \"things\" is not valid. Use one of: organisations, leaders.");
        assertThat(AuditText.plain(text.detail(event, Translations.CHINESE))).startsWith("已拒绝：数据类型 “things” 无效");
    }

    @Test
    void numberedTargetsAreNamedAndOtherTargetsStayAsWritten() {
        assertThat(AuditText.plain(text.target("slide/3", Translations.ENGLISH))).isEqualTo("Slide 3");
        assertThat(AuditText.plain(text.target("token 12", Translations.CHINESE))).isEqualTo("API 令牌 12");
        assertThat(AuditText.plain(text.target("township-boundaries", Translations.ENGLISH))).isEqualTo("Township boundaries");
        assertThat(text.target("leaders.xlsx", Translations.ENGLISH)).containsExactly(new AuditText.Part("leaders.xlsx", true));
    }

    @Test
    void aRowWithoutKeyShowsItsTextAsWrittenAndAnUnknownKeyShowsOnlyItsValues() {
        assertThat(text.detail(event("data.change", "something old", null), Translations.CHINESE))
                .containsExactly(new AuditText.Part("something old", true));
        assertThat(AuditText.plain(text.detail(event("data.change", null, AuditDetail.of("audit.detail.from-the-future", "x")),
                Translations.ENGLISH))).isEqualTo("x");
    }

    @Test
    void everyActionAndAreaHasWordsInBothLanguages() {
        for (org.jiuquan.grassroots.audit.AuditAction action : org.jiuquan.grassroots.audit.AuditAction.values()) {
            String area = action.code().substring(0, action.code().indexOf('.'));
            for (Locale locale : java.util.List.of(Translations.CHINESE, Translations.ENGLISH)) {
                assertThat(text.action(action.code(), locale)).as(action + " " + locale).isNotEqualTo(action.code());
                assertThat(text.action(area, locale)).as(area + " " + locale).isNotEqualTo(area);
            }
        }
    }

    @Test
    void everyDetailKeyTheCodeWritesHasWordsInBothLanguages() throws IOException {
        Pattern literal = Pattern.compile("\"(audit\\.detail\\.[a-z.-]+[a-z])\"");
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(30);
        for (String suffix : new String[] {"zh_CN", "en"}) {
            Properties bundle = new Properties();
            try (var in = AuditTextTest.class.getResourceAsStream("/i18n/labels_" + suffix + ".properties")) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(bundle.stringPropertyNames()).as(suffix).containsAll(keys);
        }
    }

    private static AuditEvent event(String action, String detail, AuditDetail described) {
        return new AuditEvent(1, OffsetDateTime.now(), "admin", action, null, detail, null, described);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

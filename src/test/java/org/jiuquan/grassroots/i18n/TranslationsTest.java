package org.jiuquan.grassroots.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void bothLanguagesHoldTheSameKeysAndNoEmptyText() throws IOException {
        Properties chinese = bundle("zh_CN");
        Properties english = bundle("en");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        chinese.forEach((key, value) -> assertThat((String) value).as("zh " + key).isNotBlank());
        english.forEach((key, value) -> assertThat((String) value).as("en " + key).isNotBlank());
    }

    @Test
    void englishTextIsEnglishExceptTheNameOfTheOtherLanguage() throws IOException {
        bundle("en").forEach((key, value) -> {
            if (!key.equals("app.language")) {
                assertThat(HAN.matcher((String) value).find()).as((String) key).isFalse();
            }
        });
    }

    @Test
    void chineseIsTheDefaultAndParametersAreFilledIn() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("table.title", Locale.GERMAN)).isEqualTo("区县排名");
        assertThat(translations.getTranslation("table.title", Locale.UK)).isEqualTo("District ranking");
        assertThat(translations.getTranslation("card.rank", Locale.SIMPLIFIED_CHINESE, 2)).isEqualTo("第 2 名");
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    @Test
    void everyPlaceholderIsFilledInAndNoApostropheSwallowsOne() throws IOException {
        Translations translations = new Translations();
        for (Locale locale : translations.getProvidedLocales()) {
            bundle(Translations.isEnglish(locale) ? "en" : "zh_CN").forEach((key, value) -> {
                if (Pattern.compile("\\{\\d").matcher((String) value).find()) {
                    String text = translations.getTranslation((String) key, locale, arguments((String) value, locale));
                    assertThat(text).as(locale + " " + key).doesNotContainPattern("\\{\\d\\}");
                }
            });
        }
        assertThat(translations.getTranslation("url.bad-parameter", Locale.ENGLISH, "period", "2018Q1"))
                .isEqualTo("The link's parameter period=2018Q1 is not valid; the default is used.");
    }

    /** Text for each placeholder, or a number where the pattern formats one ({2,choice,...}, {0,number}). */
    private static Object[] arguments(String pattern, Locale locale) {
        Object[] arguments = {"A", "B", "C", "D", "E", "F", "G"};
        java.text.Format[] formats = new java.text.MessageFormat(pattern, locale).getFormatsByArgumentIndex();
        for (int i = 0; i < formats.length && i < arguments.length; i++) {
            if (formats[i] instanceof java.text.NumberFormat) {
                arguments[i] = 2;
            }
        }
        return arguments;
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (var in = TranslationsTest.class.getResourceAsStream("/i18n/labels_" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

package org.jiuquan.grassroots.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

/**
 * One language per browser that every page keeps: {@code ?lang=en} or {@code ?lang=zh} in a link wins and
 * is remembered in a cookie; a page opened without it takes the cookie's; with neither, Chinese (never the
 * browser's own language: a meeting-room PC set to English must not turn the app English).
 */
public final class LanguageChoice {

    /** Read by pages on their next load; a year, so the choice outlives the sign-in. */
    public static final String COOKIE = "jiuquan-lang";
    static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private LanguageChoice() {
    }

    /** The language a page should show, from its query parameters, else the cookie, else Chinese. */
    public static Locale of(Map<String, List<String>> parameters) {
        List<String> lang = parameters.get("lang");
        if (lang != null && !lang.isEmpty()) {
            return fromCode(lang.get(0));
        }
        String remembered = cookie();
        return remembered == null ? Translations.CHINESE : fromCode(remembered);
    }

    /**
     * The language a request names: its {@code lang} parameter, else the browser's remembered choice; null when
     * it names none (Vaadin's own messages, such as "session expired", are looked up outside any page).
     */
    public static @Nullable Locale named(VaadinRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank()) {
            return fromCode(lang);
        }
        String remembered = cookie(request);
        return remembered == null ? null : fromCode(remembered);
    }

    /** "en" or "zh", as the {@code lang} parameter spells them. */
    public static String code(Locale locale) {
        return Translations.isEnglish(locale) ? "en" : "zh";
    }

    /** Makes a language the page's and the session's (Vaadin's own messages follow the session). */
    public static void apply(UI ui, Locale locale) {
        ui.setLocale(locale);
        ui.getSession().setLocale(locale);
    }

    /** Remembers a language for the pages this browser opens next (script: it works in any request). */
    public static void remember(UI ui, Locale locale) {
        ui.getPage().executeJs("document.cookie = $0", COOKIE + "=" + code(locale) + "; path=/; max-age="
                + ONE_YEAR_SECONDS + "; SameSite=Lax");
    }

    /**
     * Switches the page to the other language: remembered, then reloaded with {@code lang} in its address
     * (a reload, so every text, including Vaadin's components built before, is drawn in the new language).
     */
    public static void switchLanguage(UI ui) {
        Locale other = Translations.isEnglish(ui.getLocale()) ? Translations.CHINESE : Translations.ENGLISH;
        remember(ui, other);
        ui.getPage().executeJs("const url = new URL(window.location.href); url.searchParams.set('lang', $0);"
                + " window.location.assign(url.toString());", code(other));
    }

    private static Locale fromCode(String code) {
        return "en".equals(code) ? Translations.ENGLISH : Translations.CHINESE;
    }

    private static @Nullable String cookie() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        return request == null ? null : cookie(request);
    }

    private static @Nullable String cookie(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}

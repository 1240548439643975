package org.jiuquan.grassroots.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditEvent;
import org.jiuquan.grassroots.i18n.Translations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An audit row in the reader's language, for the audit page and its CSV: the action, the target and the
 * detail in words. Each text comes in parts, telling the words of the interface from the data they quote
 * (names, titles, file names, paths), which stay as written and which the page marks as data.
 */
@Component
class AuditText {

    /** A piece of text; {@code data} when it is a value quoted as written rather than a word of the interface. */
    record Part(String text, boolean data) {
    }

    private static final Pattern SLOT = Pattern.compile("\u0000(\\d+)\u0000");
    private static final Pattern TARGET = Pattern.compile("(slide|organisation|version)/(.+)|token (\\d+)|township-boundaries");

    private final Translations translations;
    private final MessageSource messages;

    AuditText(Translations translations, MessageSource messages) {
        this.translations = translations;
        this.messages = messages;
    }

    /** An action, or an area of actions, in words; a code with no words shows as stored. */
    String action(String code, Locale locale) {
        String name = translations.getTranslation("audit.action." + code, locale);
        return name.startsWith("!") ? code : name;
    }

    /** What an action was done to: a user, a file, or a slide, organisation, version or token by number. */
    List<Part> target(@Nullable String target, Locale locale) {
        if (target == null) {
            return List.of();
        }
        Matcher matcher = TARGET.matcher(target);
        if (!matcher.matches()) {
            return List.of(new Part(target, true));
        }
        AuditDetail detail = matcher.group(1) != null
                ? AuditDetail.of("audit.target." + matcher.group(1), matcher.group(2))
                : matcher.group(3) != null ? AuditDetail.of("audit.target.token", matcher.group(3))
                : AuditDetail.of("audit.target.township-boundaries");
        return words(detail, locale);
    }

    /** The detail of a row: its key and arguments in words, or an older row's text as written. */
    List<Part> detail(AuditEvent event, Locale locale) {
        if (event.described() != null) {
            return words(event.described(), locale);
        }
        return event.detail() == null ? List.of() : List.of(new Part(event.detail(), true));
    }

    static String plain(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }

    /**
     * A detail's pattern filled in: data and nested phrases go in as numbered slots, so the filled-in text
     * can be cut back into parts that say which pieces are data.
     */
    List<Part> words(AuditDetail detail, Locale locale) {
        List<List<Part>> slots = new ArrayList<>();
        Object[] args = new Object[detail.args().size()];
        for (int i = 0; i < args.length; i++) {
            Object arg = detail.args().get(i);
            if (arg instanceof Number number) {
                args[i] = number;
            } else {
                slots.add(arg instanceof AuditDetail nested ? words(nested, locale) : List.of(new Part((String) arg, true)));
                args[i] = "\u0000" + (slots.size() - 1) + "\u0000";
            }
        }
        String text = pattern(detail.key(), args, locale);
        if (text == null) {
            // A key neither bundle knows (a row from a newer version of the app): its values, never the key.
            List<Part> parts = new ArrayList<>();
            slots.forEach(parts::addAll);
            return parts;
        }
        List<Part> parts = new ArrayList<>();
        Matcher slot = SLOT.matcher(text);
        int at = 0;
        while (slot.find()) {
            if (slot.start() > at) {
                parts.add(new Part(text.substring(at, slot.start()), false));
            }
            parts.addAll(slots.get(Integer.parseInt(slot.group(1))));
            at = slot.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }

    /** The UI's bundle first, then the API's (an import's refusal is worded there). */
    private @Nullable String pattern(String key, Object[] args, Locale locale) {
        String text = translations.getTranslation(key, locale, args);
        if (!text.equals("!" + key + "!")) {
            return text;
        }
        return messages.getMessage(key, args, null, Translations.supported(locale));
    }
}

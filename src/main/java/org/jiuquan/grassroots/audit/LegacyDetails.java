package org.jiuquan.grassroots.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the English free text of audit rows written before details had keys (V75) into the keys and
 * arguments of today's rows, so an old row reads in the reader's language like a new one. Those rows cannot
 * be rewritten (append-only, hash-chained), so they are read this way each time. A text in no known
 * phrasing gives null and is shown as written.
 */
final class LegacyDetails {

    private record Phrasing(Pattern pattern, Function<Matcher, AuditDetail> detail) {
    }

    private static final List<Phrasing> PHRASINGS = new ArrayList<>();

    static {
        add("role=(\\w+)", m -> AuditDetail.of("audit.detail.user.created", role(m.group(1))));
        add("role=(\\w+), demo", m -> AuditDetail.of("audit.detail.user.created-demo", role(m.group(1))));
        add("role=(\\w+), first admin", m -> AuditDetail.of("audit.detail.user.created-first-admin", role(m.group(1))));
        add("(viewer|analyst|editor|admin) -> (viewer|analyst|editor|admin)",
                m -> AuditDetail.of("audit.detail.user.role", role(m.group(1)), role(m.group(2))));
        add("district scope lifted", m -> AuditDetail.of("audit.detail.user.scope-lifted"));
        add("limited to district (\\d+)", m -> AuditDetail.of("audit.detail.user.scope-limited", m.group(1)));
        add("enabled", m -> AuditDetail.of("audit.detail.user.enabled"));
        add("disabled", m -> AuditDetail.of("audit.detail.user.disabled"));
        add("token (\\d+) \"(.*)\"", m -> AuditDetail.of("audit.detail.token", m.group(1), m.group(2)));
        add("service unavailable", m -> AuditDetail.of("audit.detail.sign-in.unavailable"));
        add("no valid CSRF token", m -> AuditDetail.of("audit.detail.sign-in.no-csrf"));
        add("throttled: wait (\\d+) s", m -> AuditDetail.of("audit.detail.sign-in.throttled", number(m.group(1))));
        add("(\\w+Exception)", m -> signInRefusal(m.group(1)));
        add("(\\w+Exception); next attempt from this address in (\\d+) s",
                m -> AuditDetail.of("audit.detail.sign-in.then-wait", signInRefusal(m.group(1)), number(m.group(2))));
        add("(\\d+) slides", m -> AuditDetail.of("audit.detail.slides", number(m.group(1))));
        add("(\\d+) rows; (.*)", m -> AuditDetail.of("audit.detail.rows-query", number(m.group(1)), m.group(2)));
        add("status (\\w+) -> (\\w+) from (\\S+)",
                m -> AuditDetail.of("audit.detail.status", status(m.group(1)), status(m.group(2)), m.group(3)));
        add("staged (\\d+): (\\d+) rows, \\+(\\d+) ~(\\d+) -(\\d+), (\\d+) errors",
                m -> AuditDetail.of("audit.detail.import.staged", m.group(1), number(m.group(2)), number(m.group(3)),
                        number(m.group(4)), number(m.group(5)), number(m.group(6))));
        add("staged ([a-z-]+) (\\d+): (\\d+) rows, \\+(\\d+) ~(\\d+) -(\\d+), (\\d+) errors",
                m -> AuditDetail.of("audit.detail.import.staged-entity", AuditDetail.of("data.template." + m.group(1)),
                        m.group(2), number(m.group(3)), number(m.group(4)), number(m.group(5)), number(m.group(6)),
                        number(m.group(7))));
        add("applied (\\d+) as version (\\d+): \\+(\\d+) ~(\\d+) -(\\d+)",
                m -> AuditDetail.of("audit.detail.import.applied", m.group(1), m.group(2), number(m.group(3)),
                        number(m.group(4)), number(m.group(5))));
        add("cancelled (\\d+)", m -> AuditDetail.of("audit.detail.import.cancelled", m.group(1)));
        add("restored as version (\\d+): \\+(\\d+) ~(\\d+) -(\\d+)",
                m -> AuditDetail.of("audit.detail.import.restored", m.group(1), number(m.group(2)), number(m.group(3)),
                        number(m.group(4))));
        add("refused: removes (\\d+) organisations, unconfirmed",
                m -> AuditDetail.of("audit.detail.dataset.removal-unconfirmed", number(m.group(1))));
        add("refused: (import\\.[a-z0-9.-]+) \\[(.*)\\]", m -> AuditDetail.of("audit.detail.import.refused",
                new AuditDetail(m.group(1), m.group(2).isEmpty() ? List.of() : List.<Object>of((Object[]) m.group(2).split(", ")))));
        add("refused: (.*)", m -> AuditDetail.of("audit.detail.dataset.refused", m.group(1)));
        add("(loaded|unchanged \\(same checksum\\)); sha256 (\\w+); (\\d+) organisations, (\\d+) contact points",
                m -> AuditDetail.of(m.group(1).equals("loaded") ? "audit.detail.dataset.loaded" : "audit.detail.dataset.unchanged",
                        m.group(2), number(m.group(3)), number(m.group(4))));
        add("(.*): (\\d+) township boundaries \\[(.*)\\]",
                m -> AuditDetail.of("audit.detail.township-boundaries", m.group(1), number(m.group(2)), m.group(3)));
        add("(.*): (\\d+) → (\\d+)", m -> AuditDetail.of("audit.detail.slide.move", m.group(1), number(m.group(2)),
                number(m.group(3))));
        add("(.*): shared", m -> AuditDetail.of("audit.detail.slide.shared", m.group(1)));
        add("(.*): private", m -> AuditDetail.of("audit.detail.slide.private", m.group(1)));
    }

    private LegacyDetails() {
    }

    /** The detail an older row's text means, or null when it is in no known phrasing. */
    static @Nullable AuditDetail read(String action, String text) {
        if (action.startsWith("slide.") && !action.equals("slide.move") && !action.equals("slide.share")) {
            return AuditDetail.of("audit.detail.slide", text);
        }
        if (action.equals("token.use") || action.equals("token.rejected")) {
            return AuditDetail.of("audit.detail.path", text);
        }
        if (action.equals("export.audit") || action.equals("export.map") && !text.matches("\\d+ slides")) {
            return AuditDetail.of("audit.detail.query", text);
        }
        for (Phrasing phrasing : PHRASINGS) {
            Matcher matcher = phrasing.pattern().matcher(text);
            if (matcher.matches()) {
                return phrasing.detail().apply(matcher);
            }
        }
        return null;
    }

    private static void add(String regex, Function<Matcher, AuditDetail> detail) {
        PHRASINGS.add(new Phrasing(Pattern.compile(regex), detail));
    }

    private static AuditDetail role(String code) {
        return AuditDetail.of("role." + code);
    }

    private static AuditDetail status(String code) {
        return AuditDetail.of("status." + code);
    }

    private static Long number(String digits) {
        return Long.valueOf(digits);
    }

    /** A refused sign-in by the exception Spring Security named. */
    static AuditDetail signInRefusal(String exception) {
        return switch (exception) {
            case "BadCredentialsException", "UsernameNotFoundException" -> AuditDetail.of("audit.detail.sign-in.bad-credentials");
            case "DisabledException" -> AuditDetail.of("audit.detail.sign-in.disabled");
            case "LockedException" -> AuditDetail.of("audit.detail.sign-in.locked");
            default -> AuditDetail.of("audit.detail.sign-in.refused");
        };
    }
}

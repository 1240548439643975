package org.jiuquan.grassroots.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jiuquan.grassroots.audit.AuditEvent;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.audit.AuditQuery;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.jiuquan.grassroots.web.SpreadsheetCsv;
import org.jspecify.annotations.Nullable;
import org.jiuquan.grassroots.i18n.Translations;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail as CSV (admins only, by the security rules of /api/admin); the download is audited too. */
@RestController
class AuditCsvController {

    static final String PATH = "api/admin/audit.csv";

    private final AuditExportService audit;
    private final MessageSource messages;
    private final AuditText text;

    private final Clock clock;

    AuditCsvController(AuditExportService audit, MessageSource messages, AuditText text, Clock clock) {
        this.text = text;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/" + PATH)
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String actor,
                               @RequestParam(required = false) @Nullable String action,
                               @RequestParam(required = false) @Nullable String from,
                               @RequestParam(required = false) @Nullable String to,
                               @RequestParam(required = false) @Nullable String lang, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("actor", "action", "from", "to", "lang"));
        AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(action), day("from", from), day("to", to),
                AuditQuery.MAX_ROWS);
        Locale locale = Translations.supported(lang != null ? Locale.forLanguageTag(lang) : LocaleContextHolder.getLocale());
        List<AuditEvent> events = audit.export(query, request.getQueryString());
        List<String> headers = List.of("id", "at", "actor", "action", "target", "detail", "address").stream()
                .map(column -> messages.getMessage("export.audit." + column, null, column, locale)).toList();
        List<List<String>> rows = events.stream().map(e -> List.of(String.valueOf(e.id()), e.at().toString(),
                text(e.actor()), text.action(e.action(), locale), AuditText.plain(text.target(e.target(), locale)),
                AuditText.plain(text.detail(e, locale)), text(e.clientAddress()))).toList();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jiuquan-audit-" + LocalDate.now(clock.withZone(AuditLog.ZONE)) + ".csv").build().toString())
                .body(SpreadsheetCsv.of(headers, rows));
    }

    private static @Nullable LocalDate day(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("problem.type-mismatch", name, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}

package org.jiuquan.grassroots.imports;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staged import API (editors and admins, by the rules of /api/data): upload and preview, apply,
 * cancel, the errors as Excel, dataset versions and their restore, and the Excel templates.
 */
@RestController
class ImportController {

    private final ImportService imports;
    private final Templates templates;
    private final EditorScopes scopes;
    private final MessageSource messages;

    ImportController(ImportService imports, Templates templates, EditorScopes scopes, MessageSource messages) {
        this.imports = imports;
        this.scopes = scopes;
        this.templates = templates;
        this.messages = messages;
    }

    /** {@code GET /api/data/templates/{entity}.xlsx}: organisations, leaders, contact-points, indicator-values, status-changes. */
    @GetMapping("/api/data/templates/{entity}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String entity) {
        byte[] xlsx = templates.workbook(entity);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + entity + ".xlsx\"")
                .body(xlsx);
    }

    /**
     * {@code POST /api/data/imports} multipart {@code file}; {@code mode=upsert|replace}, {@code district},
     * {@code crs}, {@code entity} (organisations, leaders, contact-points, indicator-values, status-changes;
     * by default told from the file's headers).
     */
    @PostMapping("/api/data/imports")
    ResponseEntity<Map<String, Object>> stage(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                              @RequestParam(required = false) @Nullable String mode,
                                              @RequestParam(required = false) @Nullable String district,
                                              @RequestParam(required = false) @Nullable String crs,
                                              @RequestParam(required = false) @Nullable String columns,
                                              @RequestParam(required = false) @Nullable String entity,
                                              HttpServletRequest request) throws IOException {
        QueryParameters.allowOnly(request, Set.of("file", "mode", "district", "crs", "columns", "entity"));
        if (file == null) {
            throw ApiProblem.badRequest("import.no-file");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename();
        Preview preview = imports.stage(name, file.getBytes(), mode, district, crs, columns, entity);
        return ResponseEntity.created(URI.create("/api/data/imports/" + preview.id())).body(json(preview));
    }

    @GetMapping("/api/data/imports/{id}")
    Map<String, Object> preview(@PathVariable String id) {
        return json(imports.preview(uuid(id)));
    }

    /** The added, changed and removed organisations as GeoJSON ({@code change} in each feature's properties). */
    @GetMapping(value = "/api/data/imports/{id}/changes", produces = "application/geo+json")
    String changes(@PathVariable String id) {
        return imports.changesGeoJson(uuid(id));
    }

    @GetMapping("/api/data/imports/{id}/errors.xlsx")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        UUID batch = uuid(id);
        byte[] xlsx = IssueWorkbook.write(imports.issues(batch), this::text, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-errors-" + batch + ".xlsx\"")
                .body(xlsx);
    }

    /** {@code POST /api/data/imports/{id}/apply?confirmRemoved=N}: N must be the number removed when a large removal needs it. */
    @PostMapping("/api/data/imports/{id}/apply")
    Map<String, Object> apply(@PathVariable String id, @RequestParam(required = false) @Nullable String confirmRemoved,
                              HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("confirmRemoved"));
        Long confirmed = null;
        if (confirmRemoved != null) {
            try {
                confirmed = Long.parseLong(confirmRemoved.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("problem.type-mismatch", "confirmRemoved", confirmRemoved);
            }
        }
        ImportService.Applied applied = imports.apply(uuid(id), confirmed);
        return applied(applied);
    }

    /** Drops a staged import (nothing live was changed by it). */
    @PostMapping("/api/data/imports/{id}/cancel")
    ResponseEntity<Void> cancel(@PathVariable String id) {
        imports.cancel(uuid(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/data/versions")
    List<Map<String, Object>> versions() {
        return imports.versions().stream().map(v -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("n", v.n());
            out.put("kind", v.kind());
            out.put("applied_by", v.appliedBy());
            out.put("applied_at", v.appliedAt().toString());
            out.put("file", v.fileName());
            out.put("added", v.added());
            out.put("changed", v.changed());
            out.put("removed", v.removed());
            out.put("organisations", v.organisations());
            out.put("entity", v.entity());
            return out;
        }).toList();
    }

    @PostMapping("/api/data/versions/{n}/restore")
    Map<String, Object> restore(@PathVariable String n) {
        if (!n.matches("[0-9]{1,9}")) {
            throw ApiProblem.notFound("import.unknown-version", n);
        }
        return applied(imports.restore(Integer.parseInt(n)));
    }

    /** {@code POST /api/admin/users/{username}/district?district=620902}: limit an editor (blank: lift the limit). */
    @PostMapping("/api/admin/users/{username}/district")
    Map<String, Object> limitEditor(@PathVariable String username,
                                    @RequestParam(required = false) @Nullable String district,
                                    HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("district"));
        scopes.limit(username, district);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        out.put("district", district == null || district.isBlank() ? null : district.strip());
        return out;
    }

    private static Map<String, Object> applied(ImportService.Applied applied) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", applied.version());
        out.put("added", applied.added());
        out.put("changed", applied.changed());
        out.put("removed", applied.removed());
        out.put("data_version", applied.dataVersion());
        return out;
    }

    private Map<String, Object> json(Preview preview) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", preview.id().toString());
        out.put("entity", preview.entity());
        out.put("file", preview.file());
        out.put("mode", preview.mode());
        out.put("district", preview.district());
        out.put("crs", preview.crs());
        out.put("state", preview.state());
        out.put("rows", preview.rows());
        out.put("added", preview.added());
        out.put("changed", preview.changed());
        out.put("removed", preview.removed());
        out.put("can_apply", preview.canApply());
        out.put("confirm_removed_needed", preview.confirmRemovedNeeded());
        out.put("districts", preview.districts().stream().map(d -> Map.of("code", d.code(), "name_zh", d.nameZh(),
                "organisations", d.live(), "added", d.added(), "changed", d.changed(), "removed", d.removed())).toList());
        out.put("errors", preview.errors().stream().map(this::issue).toList());
        out.put("warnings", preview.warnings().stream().map(this::issue).toList());
        return out;
    }

    private Map<String, Object> issue(Issue issue) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", issue.file());
        out.put("sheet", issue.sheet());
        out.put("row", issue.row());
        out.put("column", issue.column());
        out.put("code", issue.key());
        out.put("message", text(issue));
        return out;
    }

    private String text(Issue issue) {
        Locale locale = LocaleContextHolder.getLocale();
        return Objects.requireNonNullElse(
                messages.getMessage(issue.key(), issue.args().toArray(), issue.key(), locale), issue.key());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "import.unknown", id);
        }
    }
}

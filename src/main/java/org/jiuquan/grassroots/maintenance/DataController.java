package org.jiuquan.grassroots.maintenance;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jiuquan.grassroots.demodata.DatasetException;
import org.jiuquan.grassroots.organisations.DataChangeException;
import org.jiuquan.grassroots.organisations.OrganisationDetails;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Editors' data changes over HTTP (editors and admins only, by the security rules of /api/data). */
@RestController
class DataController {

    private final OrganisationService organisations;
    private final DataImportService imports;

    DataController(OrganisationService organisations, DataImportService imports) {
        this.organisations = organisations;
        this.imports = imports;
    }

    /** {@code POST /api/data/organisations/{code}/status?status=rectifying&from=2017-12-01}. */
    @PostMapping("/api/data/organisations/{codeOrId}/status")
    Map<String, Object> changeStatus(@PathVariable String codeOrId, @RequestParam String status,
                                     @RequestParam String from, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("status", "from"));
        LocalDate day;
        try {
            day = LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("problem.type-mismatch", "from", from);
        }
        try {
            OrganisationDetails after = organisations.changeStatus(codeOrId, status, day);
            return Map.of("id", after.id(), "status", after.status(), "status_since", after.statusSince().toString());
        } catch (DataChangeException e) {
            HttpStatus refusal = switch (e.messageKey()) {
                case "change.unknown-organisation" -> HttpStatus.NOT_FOUND;
                case "change.outside-scope" -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.BAD_REQUEST;
            };
            throw new ApiProblem(refusal, "problem." + e.messageKey(), e.arguments());
        }
    }

    /** {@code POST /api/data/import} with a ZIP of the dataset files as the body (Content-Type application/zip). */
    @PostMapping(value = "/api/data/import", consumes = {"application/zip", "application/octet-stream"})
    Map<String, Object> importDataset(@RequestHeader(value = "X-File-Name", defaultValue = "upload.zip") String name,
                                      HttpServletRequest request) throws IOException {
        QueryParameters.allowOnly(request, Set.of("confirmRemoved"));
        Long confirmRemoved = null;
        String confirm = request.getParameter("confirmRemoved");
        if (confirm != null) {
            try {
                confirmRemoved = Long.parseLong(confirm.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("problem.type-mismatch", "confirmRemoved", confirm);
            }
        }
        // Read at most the limit (and one byte more, to know it was passed): a huge body never fills the memory.
        byte[] zip = request.getInputStream().readNBytes(DataView.MAX_UPLOAD_BYTES + 1);
        if (zip.length > DataView.MAX_UPLOAD_BYTES) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "problem.import-too-large", DataView.MAX_UPLOAD_BYTES / 1024 / 1024);
        }
        try {
            DataImportService.Result result = imports.importZip(name, zip, confirmRemoved);
            return Map.of("changed", result.changed(), "checksum", result.checksum(),
                    "organisations", result.organisations(), "contact_points", result.contactPoints());
        } catch (DataImportService.RemovalNeedsConfirmation e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "import.confirm-removal", e.removed());
        } catch (DatasetException e) {
            throw ApiProblem.badRequest("problem.bad-dataset", Objects.requireNonNullElse(e.getMessage(), ""));
        }
    }
}

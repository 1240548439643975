package org.jiuquan.grassroots.maintenance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.demodata.DatasetException;
import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.imports.ImportRefusal;
import org.jiuquan.grassroots.imports.ImportService;
import org.jiuquan.grassroots.imports.Preview;
import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.map.MapStyleService;
import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * Editors bring their own files here: an organisation list (CSV, Excel) or a GIS layer is staged and
 * previewed (counts per district, every error, the changes on the map) and applied or cancelled; a ZIP
 * of the whole dataset in the layout of geodata/ is still loaded as before. Every refused file, type or
 * size gets a visible message in the editor's language.
 */
@Route("data")
@RolesAllowed(Role.Names.EDITOR)
public class DataView extends Div implements HasDynamicTitle {

    static final int MAX_UPLOAD_BYTES = ImportService.MAX_FILE_BYTES;
    static final List<String> ACCEPTED = List.of(".csv", ".txt", ".xlsx", ".zip", ".gpkg", ".geojson", ".json", ".kml");
    /** The coordinate systems offered; the API takes any CGCS2000 Gauss-Krüger zone (EPSG:4513-4554). */
    static final List<String> CRS = List.of("EPSG:4326", "EPSG:4490", "gcj02", "bd09", "EPSG:3857", "EPSG:4540",
            "EPSG:4541", "EPSG:4542", "EPSG:4519", "EPSG:4520", "EPSG:4521");

    private final Paragraph result = new Paragraph();
    private final CurrentUser currentUser;

    public DataView(DataImportService datasets, ImportService imports, DistrictService districts,
                    MapStyleService styles, MessageSource messages, AuthenticationContext authentication, CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassName("admin-page");
        setId("data");
        result.setId("import-result");
        result.addClassName("import-result");
        UI ui = UI.getCurrent();

        Select<String> mode = new Select<>();
        mode.setId("import-mode");
        mode.setLabel(getTranslation("data.mode"));
        mode.setItems("upsert", "replace");
        mode.setItemLabelGenerator(m -> getTranslation("data.mode." + m));
        mode.setValue("upsert");
        mode.setWidth("20em");
        Select<String> district = new Select<>();
        district.setId("import-district");
        district.setLabel(getTranslation("data.district"));
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("", getTranslation("data.district.all"));
        for (District d : districts.districts()) {
            names.put(d.code(), d.name(getLocale()));
        }
        district.setItems(names.keySet());
        district.setItemLabelGenerator(names::get);
        district.setValue("");
        imports.currentScope().ifPresent(scope -> {
            district.setValue(scope);
            district.setReadOnly(true);
        });
        Select<String> crs = new Select<>();
        crs.setId("import-crs");
        crs.setLabel(getTranslation("data.crs"));
        crs.setItems(CRS);
        crs.setItemLabelGenerator(c -> getTranslation("data.crs." + c.toLowerCase(Locale.ROOT).replace(':', '-')));
        crs.setValue("EPSG:4326");
        crs.setWidth("26em");

        TextField columns = new TextField(getTranslation("data.columns"));
        columns.setId("import-columns");
        columns.setPlaceholder(getTranslation("data.columns.example"));
        columns.setWidth("30em");
        columns.setHelperText(getTranslation("data.columns.help"));

        ImportPreviewPanel preview = new ImportPreviewPanel(imports, messages, style(styles), this::report);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String name = metadata.fileName();
            @Nullable Preview staged = null;
            String message;
            try {
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip") && DataImportService.isDataset(bytes)) {
                    DataImportService.Result done = datasets.importZip(name, bytes);
                    message = done.changed() ? getTranslation("data.imported", done.organisations(), done.contactPoints())
                            : getTranslation("data.unchanged");
                } else {
                    staged = imports.stage(name, bytes, mode.getValue(), district.getValue(), crs.getValue(),
                            columns.getValue());
                    message = getTranslation(staged.errors().isEmpty() ? "data.staged" : "data.staged-with-errors",
                            staged.errors().size());
                }
            } catch (ImportRefusal refusal) {
                message = getTranslation("data.refused", messages.getMessage(refusal.key(), refusal.args(),
                        refusal.key(), getLocale()));
            } catch (DatasetException e) {
                message = getTranslation("data.refused", e.getMessage());
            } catch (org.springframework.security.access.AccessDeniedException e) {
                message = getTranslation("data.refused", messages.getMessage("problem.forbidden", null, getLocale()));
            }
            String text = message;
            Preview shown = staged;
            ui.access(() -> {
                result.setText(text);
                if (shown != null) {
                    preview.show(shown);
                }
            });
        }));
        upload.setId("import-upload");
        // The handler runs in the upload's own request and queues the result; the browser's upload events
        // make the round trip that brings it to the page (there is no push).
        upload.getElement().addEventListener("upload-success", event -> { });
        upload.getElement().addEventListener("upload-error", event -> { });
        // A file the browser refuses (type, size) never reaches the server: say why, on the page.
        upload.addFileRejectedListener(event -> report(getTranslation("data.refused", event.getErrorMessage())));
        upload.setAcceptedFileTypes(ACCEPTED.toArray(String[]::new));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setUploadButton(new com.vaadin.flow.component.button.Button(getTranslation("data.upload")));
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("data.drop")).setMany(getTranslation("data.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("data.upload")).setMany(getTranslation("data.upload")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("data.one-file"))
                .setFileIsTooBig(getTranslation("data.too-big", MAX_UPLOAD_BYTES / 1024 / 1024))
                .setIncorrectFileType(getTranslation("data.wrong-type")));
        upload.setI18n(org.jiuquan.grassroots.i18n.ComponentTexts.upload(i18n, getLocale()));

        Div templates = new Div(new Paragraph(getTranslation("data.templates")));
        templates.setId("import-templates");
        for (String entity : List.of("organisations", "leaders", "contact-points", "indicator-values", "status-changes")) {
            Anchor link = new Anchor("/api/data/templates/" + entity + ".xlsx", getTranslation("data.template." + entity));
            link.getElement().setAttribute("download", true);
            templates.add(link, new com.vaadin.flow.component.html.Span(" "));
        }
        Div options = new Div(mode, district, crs, columns);
        options.addClassName("import-options");
        add(new Div(new H1(getTranslation("data.title")), new AccountMenu(currentUser, authentication, "data")),
                new Paragraph(getTranslation("data.help")), templates, options, upload, result, preview,
                new VersionList(imports, messages, this::report));
    }

    private void report(String message) {
        result.setText(message);
    }

    private static @Nullable MapStyle style(MapStyleService styles) {
        try {
            return styles.style("villages", "2017Q4", "quantile", 5);
        } catch (RuntimeException e) {
            return null; // the map still draws the outlines without indicator colours
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("data.title") + " · " + getTranslation("app.title");
    }
}

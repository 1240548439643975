package org.jiuquan.grassroots.maintenance;

import jakarta.annotation.security.RolesAllowed;

import org.jiuquan.grassroots.demodata.DatasetException;
import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.Role;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Editors import a whole dataset here; the result (or the reason it was refused) is shown in their language. */
@Route("data")
@RolesAllowed(Role.Names.EDITOR)
public class DataView extends Div implements HasDynamicTitle {

    static final int MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

    public DataView(DataImportService imports, AuthenticationContext authentication) {
        addClassName("admin-page");
        setId("data");
        Paragraph result = new Paragraph();
        result.setId("import-result");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String message;
            try {
                DataImportService.Result done = imports.importZip(metadata.fileName(), bytes);
                message = done.changed() ? getTranslation("data.imported", done.organisations(), done.contactPoints())
                        : getTranslation("data.unchanged");
            } catch (DatasetException e) {
                message = getTranslation("data.refused", e.getMessage());
            }
            String text = message;
            ui.access(() -> result.setText(text));
        }));
        upload.setId("import-upload");
        // The handler runs in the upload's own request and queues the result; the browser's upload events
        // make the round trip that brings it to the page (there is no push).
        upload.getElement().addEventListener("upload-success", event -> { });
        upload.getElement().addEventListener("upload-error", event -> { });
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setUploadButton(new com.vaadin.flow.component.button.Button(getTranslation("data.upload")));
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("data.drop")).setMany(getTranslation("data.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("data.upload")).setMany(getTranslation("data.upload")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("data.one-file"))
                .setFileIsTooBig(getTranslation("data.too-big", MAX_UPLOAD_BYTES / 1024 / 1024))
                .setIncorrectFileType(getTranslation("data.not-zip")));
        upload.setI18n(i18n);
        add(new Div(new H1(getTranslation("data.title")), new AccountMenu(authentication, "data")),
                new Paragraph(getTranslation("data.help")), upload, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("data.title") + " · " + getTranslation("app.title");
    }
}

package org.jiuquan.grassroots.basemap;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.security.Role;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * For admins: the base layer under the dashboard's map. None (nothing leaves the intranet), an XYZ tile
 * server, Tianditu (vector map and annotation, with the unit's key) or a WMTS server. Tiles in a shifted
 * datum (GCJ-02, BD-09) are refused with the reason, since our points would sit hundreds of metres off them.
 */
@Route("admin/basemap")
@RolesAllowed(Role.Names.ADMIN)
public class BaseLayerView extends Div implements HasDynamicTitle {

    private final BaseLayerService service;
    private final Select<BaseLayer.Kind> kind = new Select<>();
    private final TextField url = new TextField();
    private final TextField wmtsLayer = new TextField();
    private final TextField matrixSet = new TextField();
    private final TextField apiKey = new TextField();
    private final Select<String> datum = new Select<>();
    private final Paragraph message = new Paragraph();
    private final Paragraph current = new Paragraph();
    private final CurrentUser currentUser;

    public BaseLayerView(BaseLayerService service, AuthenticationContext authentication, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.service = service;
        addClassName("admin-page");
        setId("basemap");
        add(new Div(new H1(getTranslation("basemap.title")), new AccountMenu(currentUser, authentication, "admin/basemap")));
        Paragraph hint = new Paragraph(getTranslation("basemap.hint"));
        hint.addClassName("hint");

        kind.setId("basemap-kind");
        kind.setLabel(getTranslation("basemap.kind"));
        kind.setItems(BaseLayer.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("basemap.kind." + k.code()));
        kind.addValueChangeListener(event -> showFields());
        url.setId("basemap-url");
        url.setLabel(getTranslation("basemap.url"));
        url.setWidth("40em");
        wmtsLayer.setId("basemap-wmts-layer");
        wmtsLayer.setLabel(getTranslation("basemap.wmts-layer"));
        matrixSet.setId("basemap-matrix-set");
        matrixSet.setLabel(getTranslation("basemap.matrix-set"));
        matrixSet.setHelperText(getTranslation("basemap.matrix-set.help"));
        apiKey.setId("basemap-key");
        apiKey.setLabel(getTranslation("basemap.key"));
        apiKey.setWidth("24em");
        datum.setId("basemap-datum");
        datum.setLabel(getTranslation("basemap.datum"));
        datum.setItems(List.of("wgs84", "gcj02", "bd09"));
        datum.setItemLabelGenerator(d -> getTranslation("basemap.datum." + d));
        datum.setValue("wgs84");
        Button save = new Button(getTranslation("basemap.save"), event -> save());
        save.setId("basemap-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        message.setId("basemap-message");
        current.setId("basemap-current");

        Div form = new Div(kind, datum, url, wmtsLayer, matrixSet, apiKey, save);
        form.addClassName("admin-form");
        add(hint, current, form, message);
        show(service.current());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("basemap.title");
    }

    private void save() {
        try {
            BaseLayer saved = service.save(kind.getValue(), url.getValue(), wmtsLayer.getValue(), matrixSet.getValue(),
                    apiKey.getValue(), datum.getValue(),
                    currentUser.get().map(user -> user.getUsername()).orElse("?"));
            message.setText(getTranslation("basemap.saved"));
            message.getElement().setAttribute("data-outcome", "saved");
            show(saved);
        } catch (BaseLayerException e) {
            // Nothing was stored: the message says what to change.
            message.setText(getTranslation(e.messageKey(), e.arguments()));
            message.getElement().setAttribute("data-outcome", "refused");
        }
    }

    private void show(BaseLayer layer) {
        kind.setValue(layer.kind());
        url.setValue(layer.url() == null ? "" : layer.url());
        wmtsLayer.setValue(layer.wmtsLayer() == null ? "" : layer.wmtsLayer());
        matrixSet.setValue(layer.matrixSet() == null ? "" : layer.matrixSet());
        apiKey.setValue(layer.apiKey() == null ? "" : layer.apiKey());
        current.setText(getTranslation("basemap.current", getTranslation("basemap.kind." + layer.kind().code())));
        showFields();
    }

    private void showFields() {
        BaseLayer.Kind k = kind.getValue() == null ? BaseLayer.Kind.NONE : kind.getValue();
        url.setVisible(k == BaseLayer.Kind.XYZ || k == BaseLayer.Kind.WMTS);
        url.setPlaceholder(k == BaseLayer.Kind.XYZ ? "http://tiles.intranet/{z}/{x}/{y}.png" : "http://tiles.intranet/wmts");
        wmtsLayer.setVisible(k == BaseLayer.Kind.WMTS);
        matrixSet.setVisible(k == BaseLayer.Kind.WMTS);
        apiKey.setVisible(k == BaseLayer.Kind.TIANDITU);
        datum.setVisible(k == BaseLayer.Kind.XYZ || k == BaseLayer.Kind.WMTS);
        if (!datum.isVisible()) {
            datum.setValue("wgs84");
        }
    }
}

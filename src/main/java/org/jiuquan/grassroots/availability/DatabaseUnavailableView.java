package org.jiuquan.grassroots.availability;

import jakarta.servlet.http.HttpServletResponse;

import org.jiuquan.grassroots.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * What a page shows instead of itself when it could not be built because the database is unreachable:
 * the outage banner and a short notice, never Vaadin's "internal error". When the database is back the
 * banner restores the page that was asked for.
 */
@AnonymousAllowed
public class DatabaseUnavailableView extends Div implements HasErrorParameter<DataAccessException> {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableView.class);

    private final DatabaseProbe probe;

    DatabaseUnavailableView(DatabaseProbe probe) {
        this.probe = probe;
        setId("database-unavailable");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessException> parameter) {
        UI ui = event.getUI();
        removeAll();
        add(new H1(ui.getTranslation("app.title")));
        if (!DatabaseOutage.isOutage(parameter.getCaughtException())) {
            // A fault of the code, not an outage: retrying would not help.
            log.error("A page could not be built", parameter.getCaughtException());
            add(new Div(ui.getTranslation("system.internal-error.message")));
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        add(new Div(ui.getTranslation("outage.page")));
        OutageBanner.show(ui, probe);
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}

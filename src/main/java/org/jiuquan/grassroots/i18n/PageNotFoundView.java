package org.jiuquan.grassroots.i18n;

import jakarta.servlet.http.HttpServletResponse;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * An address with no page behind it (or one the user may not open, which Vaadin does not reveal), in the
 * reader's language, instead of Vaadin's English "Could not navigate to ...".
 */
@AnonymousAllowed
public class PageNotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        setId("page-not-found");
        ErrorPages.fill(this, event.getUI(), "error.not-found.title", "error.not-found.message",
                "/" + event.getLocation().getPath());
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.not-found.title") + " · " + getTranslation("app.title");
    }
}

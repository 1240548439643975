package org.jiuquan.grassroots.i18n;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * A page that failed to build, in the reader's language and without the exception's text (which goes to
 * the log), instead of Vaadin's English "There was an exception while trying to navigate to ...". More
 * specific pages win where they exist (a database outage: DatabaseUnavailableView).
 */
@AnonymousAllowed
public class PageErrorView extends Div implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(PageErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("The page /{} could not be built", event.getLocation().getPath(), parameter.getCaughtException());
        setId("page-error");
        ErrorPages.fill(this, event.getUI(), "system.internal-error.caption", "error.page.message");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("system.internal-error.caption") + " · " + getTranslation("app.title");
    }
}

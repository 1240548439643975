package org.jiuquan.grassroots.availability;

import java.util.Locale;

import org.jiuquan.grassroots.i18n.LanguageChoice;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

/**
 * Vaadin's side of outages: an error from an unreachable database during a click shows the outage banner
 * (which recovers by itself) instead of an "internal error"; Vaadin's own messages (internal error,
 * session expired, connection lost) come in the page's language.
 */
@Component
class VaadinOutageSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(VaadinOutageSetup.class);

    private final DatabaseProbe probe;
    private final Translations translations;

    VaadinOutageSetup(DatabaseProbe probe, Translations translations) {
        this.probe = probe;
        this.translations = translations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(this::systemMessages);
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::error));
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addAfterNavigationListener(navigation -> translateConnectionTexts(ui));
        });
    }

    private void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui != null && DatabaseOutage.isOutage(event.getThrowable())) {
            log.warn("A page action failed: the database is unreachable ({})", event.getThrowable().getMessage());
            OutageBanner.show(ui, probe);
            return;
        }
        new DefaultErrorHandler().error(event);
    }

    /** The page's language also becomes the session's, which is what Vaadin picks its messages by. */
    private void translateConnectionTexts(UI ui) {
        Locale locale = Translations.supported(ui.getLocale());
        ui.getSession().setLocale(locale);
        ui.getReconnectDialogConfiguration().setDialogText(translations.getTranslation("system.reconnecting", locale));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(translations.getTranslation("system.offline", locale));
    }

    private CustomizedSystemMessages systemMessages(SystemMessagesInfo info) {
        Locale locale = locale(info);
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setInternalErrorCaption(translations.getTranslation("system.internal-error.caption", locale));
        messages.setInternalErrorMessage(translations.getTranslation("system.internal-error.message", locale));
        messages.setSessionExpiredCaption(translations.getTranslation("system.session-expired.caption", locale));
        messages.setSessionExpiredMessage(translations.getTranslation("system.session-expired.message", locale));
        messages.setCookiesDisabledCaption(translations.getTranslation("system.cookies.caption", locale));
        messages.setCookiesDisabledMessage(translations.getTranslation("system.cookies.message", locale));
        return messages;
    }

    /**
     * ?lang= on the page being loaded, else the browser's remembered choice (the cookie: a session that has
     * expired knows no language), else the session's; Chinese by default, never the browser's own language.
     */
    private static Locale locale(SystemMessagesInfo info) {
        VaadinRequest request = info.getRequest();
        Locale named = request == null ? null : LanguageChoice.named(request);
        if (named != null) {
            return named;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getLocale() != null) {
            return Translations.supported(session.getLocale());
        }
        return Translations.CHINESE;
    }
}

package org.jiuquan.grassroots.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one-time step of a real deployment: with no admin yet, JIUQUAN_ADMIN_USERNAME and
 * JIUQUAN_ADMIN_PASSWORD create the first one at start. A weak password stops the start with the reason
 * (see FirstAdminFailureAnalyzer); once an admin exists the variables are ignored and can be removed.
 */
@Component
@Order(2)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final SecuritySettings settings;
    private final AccountRepository accounts;
    private final AccountService service;

    FirstAdmin(SecuritySettings settings, AccountRepository accounts, AccountService service) {
        this.settings = settings;
        this.accounts = accounts;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean given = !settings.adminUsername().isBlank();
        if (accounts.anyAdmin()) {
            if (given && accounts.find(settings.adminUsername()).isEmpty()) {
                log.info("An admin exists already: JIUQUAN_ADMIN_USERNAME is ignored (admins add users in the app)");
            }
            return;
        }
        if (!given) {
            log.warn("No admin account exists. Set JIUQUAN_ADMIN_USERNAME and JIUQUAN_ADMIN_PASSWORD and restart "
                    + "to create the first one (see the README).");
            return;
        }
        try {
            service.createFirstAdmin(settings.adminUsername(), settings.adminPassword());
        } catch (AccountException e) {
            throw new FirstAdminException(e.messageKey());
        }
        log.info("Created the first admin account \"{}\"; JIUQUAN_ADMIN_PASSWORD can now be removed",
                settings.adminUsername());
    }
}

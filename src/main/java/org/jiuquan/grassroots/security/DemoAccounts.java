package org.jiuquan.grassroots.security;

import java.util.List;

import org.jiuquan.grassroots.localdb.NoDatabaseConfigured;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The four demo accounts, one per role, created in the app's own demo database only (never in a
 * configured one). The README lists them; the login page shows them while they exist.
 */
@Component
@Order(1)
class DemoAccounts implements ApplicationRunner {

    /** The password of every demo account (it passes the password policy). */
    static final String PASSWORD = "Jiuquan@2017demo";

    record Demo(String username, String displayName, Role role) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("viewer", "演示·市领导", Role.VIEWER),
            new Demo("analyst", "演示·规划人员", Role.ANALYST),
            new Demo("editor", "演示·数据维护", Role.EDITOR),
            new Demo("admin", "演示·管理员", Role.ADMIN));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final boolean active;
    private final AccountRepository accounts;
    private final AccountService service;

    DemoAccounts(SecuritySettings settings, Environment environment, AccountRepository accounts,
                 AccountService service) {
        this.active = "auto".equals(settings.demoAccounts()) && NoDatabaseConfigured.in(environment);
        this.accounts = accounts;
        this.service = service;
    }

    boolean active() {
        return active;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!active) {
            return;
        }
        for (Demo demo : ACCOUNTS) {
            if (accounts.find(demo.username()).isEmpty()) {
                service.createDemo(demo.username(), demo.displayName(), demo.role(), PASSWORD);
            }
        }
        log.info("Demo accounts: viewer, analyst, editor, admin (password in the README)");
    }
}

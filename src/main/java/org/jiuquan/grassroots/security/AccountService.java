package org.jiuquan.grassroots.security;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.audit.Actor;
import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User and role management. Each change is checked first (nothing is written when it is refused) and
 * audited in the same transaction, so a change without its audit row cannot happen.
 */
@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, AuditLog audit, ApiTokenService tokens, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.tokens = tokens;
    }

    public List<Account> all() {
        return accounts.all();
    }

    @Transactional
    public void create(String username, String displayName, Role role, String password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException("account.bad-username");
        }
        if (displayName.isBlank() || displayName.length() > 60) {
            throw new AccountException("account.bad-display-name");
        }
        if (accounts.find(username).isPresent()) {
            throw new AccountException("account.exists");
        }
        checkPassword(username, password);
        accounts.insert(username, displayName.strip(), role, hash(password), false);
        audit.record(currentUser.actor(), AuditAction.USER_CREATE, username, AuditDetail.of("audit.detail.user.created", role(role.code())));
    }

    /** Creates a demo account (demo database only); its password is the documented demo password. */
    @Transactional
    void createDemo(String username, String displayName, Role role, String password) {
        accounts.insert(username, displayName, role, hash(password), true);
        audit.record(Actor.SYSTEM, AuditAction.USER_CREATE, username, AuditDetail.of("audit.detail.user.created-demo", role(role.code())));
    }

    /** Creates the first admin of a deployment (see FirstAdmin); the password must pass the policy. */
    @Transactional
    void createFirstAdmin(String username, String password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountException("account.bad-username");
        }
        checkPassword(username, password);
        accounts.insert(username, username, Role.ADMIN, hash(password), false);
        audit.record(Actor.SYSTEM, AuditAction.USER_CREATE, username, AuditDetail.of("audit.detail.user.created-first-admin", role("admin")));
    }

    @Transactional
    public void changeRole(String username, Role role) {
        Account account = existing(username);
        if (account.role() == Role.ADMIN && role != Role.ADMIN) {
            keepAnAdmin(username);
        }
        accounts.updateRole(username, role);
        tokens.forgetChecks(); // the user's tokens act with the new role from the next request
        audit.record(currentUser.actor(), AuditAction.USER_ROLE, username, AuditDetail.of("audit.detail.user.role", role(account.role().code()),
                role(role.code())));
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        Account account = existing(username);
        if (!enabled && account.role() == Role.ADMIN) {
            keepAnAdmin(username);
        }
        accounts.updateEnabled(username, enabled);
        tokens.forgetChecks();
        audit.record(currentUser.actor(), AuditAction.USER_ENABLE, username, AuditDetail.of(enabled ? "audit.detail.user.enabled" : "audit.detail.user.disabled"));
    }

    @Transactional
    public void resetPassword(String username, String password) {
        existing(username);
        checkPassword(username, password);
        accounts.updatePassword(username, hash(password));
        audit.record(currentUser.actor(), AuditAction.USER_PASSWORD, username);
    }

    /** The stored form of a password (the encoder answers null only for a null password). */
    private String hash(String password) {
        return Objects.requireNonNull(encoder.encode(password), "encoded password");
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> new AccountException("account.unknown"));
    }

    /** The last enabled admin can be neither demoted nor disabled: nobody could manage users after. */
    private void keepAnAdmin(String username) {
        boolean another = accounts.all().stream()
                .anyMatch(a -> a.role() == Role.ADMIN && a.enabled() && !a.username().equals(username));
        if (!another) {
            throw new AccountException("account.last-admin");
        }
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(key -> {
            throw new AccountException(key);
        });
    }

    /** A role as a phrase of an audit detail, said in the reader's language. */
    private static AuditDetail role(String code) {
        return AuditDetail.of("role." + code);
    }
}

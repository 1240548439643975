package org.jiuquan.grassroots.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings (application.properties; environment variables in the README).
 *
 * @param lockoutAttempts failed sign-ins in a row that lock an account
 * @param lockoutDuration how long it stays locked
 * @param demoAccounts    auto: the four demo accounts exist in the app's own demo database only; off: never
 * @param adminUsername   the first admin of a deployment, created at start when no admin exists
 * @param adminPassword   its password (must pass the password policy)
 */
@ConfigurationProperties("jiuquan.security")
public record SecuritySettings(int lockoutAttempts, Duration lockoutDuration, String demoAccounts,
                               String adminUsername, String adminPassword) {
}

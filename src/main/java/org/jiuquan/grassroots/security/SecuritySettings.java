package org.jiuquan.grassroots.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings (application.properties; environment variables in the README).
 *
 * @param signInFreeAttempts failed sign-ins from one address for one account before delays begin
 * @param signInDelay        the first delay; each further failure doubles it
 * @param signInMaxDelay     the longest delay
 * @param demoAccounts       auto: the four demo accounts exist in the app's own demo database only; off: never
 * @param adminUsername      the first admin of a deployment, created at start when no admin exists
 * @param adminPassword      its password (must pass the password policy)
 */
@ConfigurationProperties("jiuquan.security")
public record SecuritySettings(int signInFreeAttempts, Duration signInDelay, Duration signInMaxDelay,
                               String demoAccounts, String adminUsername, String adminPassword) {
}

package org.jiuquan.grassroots.security;

import org.jiuquan.grassroots.privacy.PhoneVisibility;

/**
 * Leaders' phone numbers are personal data: editors and admins see them in full, everyone else masked, in
 * the UI, in every API response and in every export. Services ask here and pass the answer to the
 * repositories, which never look at who is signed in themselves.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    public static PhoneVisibility forCurrentUser() {
        return CurrentUser.maySeePhoneNumbers() ? PhoneVisibility.FULL : PhoneVisibility.MASKED;
    }
}

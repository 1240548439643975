package org.jiuquan.grassroots.audit;

/** The audited actions. The code is what the log stores and what its filter takes. */
public enum AuditAction {
    SIGN_IN_SUCCESS("sign_in.success"),
    SIGN_IN_FAILURE("sign_in.failure"),
    SIGN_IN_LOCKED("sign_in.locked"),
    SIGN_OUT("sign_out.done"),
    EXPORT_TABLE("export.table"),
    EXPORT_MAP("export.map"),
    EXPORT_AUDIT("export.audit"),
    DATA_CHANGE("data.change"),
    DATA_IMPORT("data.import"),
    USER_CREATE("user.create"),
    USER_ROLE("user.role"),
    USER_ENABLE("user.enable"),
    USER_PASSWORD("user.password"),
    TOKEN_ISSUE("token.issue"),
    TOKEN_REVOKE("token.revoke"),
    TOKEN_USE("token.use"),
    TOKEN_REJECTED("token.rejected"),
    DATA_RESTORE("data.restore"),
    SLIDE_ADD("slide.add"),
    SLIDE_DELETE("slide.delete"),
    SLIDE_RESTORE("slide.restore"),
    SLIDE_MOVE("slide.move"),
    SLIDE_SHARE("slide.share");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

-- Who may sign in, with which role, the API tokens issued to them for GIS clients, and the audit trail of
-- what they did. The roles nest: viewer < analyst < editor < admin (see security.Role).
CREATE TABLE app_user (
    id              bigserial PRIMARY KEY,
    username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,31}$'),
    display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
    role            text NOT NULL CHECK (role IN ('viewer', 'analyst', 'editor', 'admin')),
    -- BCrypt, with Spring Security's {bcrypt} prefix.
    password_hash   text NOT NULL CHECK (password_hash LIKE '{bcrypt}%'),
    enabled         boolean NOT NULL DEFAULT true,
    -- Repeated failed sign-ins lock the account until locked_until.
    failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until    timestamptz,
    -- Demo accounts exist only in the app's own demo database.
    demo            boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Only a SHA-256 of each token is kept: the token itself is shown once, when it is issued.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES app_user (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    token_hash   text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- The audit trail: sign-ins, exports, data changes and imports, user and role changes, token use.
CREATE TABLE audit_event (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- The username, or null when nobody is signed in (a failed sign-in names the attempted user in target).
    actor          text,
    action         text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
    target         text,
    detail         text,
    client_address text
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, target, at DESC);

-- Append-only, whoever connects: rows cannot be changed, deleted or truncated away.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- The one definition of a masked phone number (138****1234), used by every query that returns one to a
-- user who may not see it in full.
CREATE FUNCTION masked_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT left(phone, 3) || repeat('*', greatest(length(phone) - 7, 0)) || right(phone, 4)
$$;

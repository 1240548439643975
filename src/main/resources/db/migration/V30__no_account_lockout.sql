-- Failed sign-ins no longer lock accounts (they slow down their source, in the app's memory): lift any
-- lock left from before. The columns stay, unused, so older rows and exports keep their shape.
UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE locked_until IS NOT NULL OR failed_sign_ins > 0;

-- The audit log is append-only: rows may not be deleted or truncated, and the only permitted update is
-- the one-time sealing of seq / prev_hash / hash on a row that is not yet sealed.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.seq IS NOT NULL
     OR NEW.seq IS NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.at IS DISTINCT FROM OLD.at
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
     OR NEW.actor_name IS DISTINCT FROM OLD.actor_name
     OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.entity_type IS DISTINCT FROM OLD.entity_type
     OR NEW.entity_id IS DISTINCT FROM OLD.entity_id
     OR NEW.before IS DISTINCT FROM OLD.before
     OR NEW.after IS DISTINCT FROM OLD.after
     OR NEW.address IS DISTINCT FROM OLD.address
     OR NEW.outcome IS DISTINCT FROM OLD.outcome
     OR NEW.region_code IS DISTINCT FROM OLD.region_code THEN
    RAISE EXCEPTION 'audit_log rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
-- Prefix searches on region codes (scope filters) use these whatever the database collation.
CREATE INDEX division_code_prefix_idx ON division (code text_pattern_ops);
--> statement-breakpoint
CREATE INDEX user_account_scope_prefix_idx ON user_account (scope_code text_pattern_ops);

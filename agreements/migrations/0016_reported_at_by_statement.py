"""The updates refresh their agreements' `reported_at` once per statement, not once per row.

Migration 0014's row trigger ran an UPDATE of the agreement for each update written: seed_demo's
COPY of 96,678 updates (make bench, scale 1) took over two minutes instead of seconds, and the
agreement rows were rewritten once per update. Statement triggers with transition tables
recompute each touched agreement once per statement; a single write from Django costs the same
as before. The agreement's own BEFORE trigger (a stale save() cannot overwrite the value) stays.
"""

from django.db import migrations

STATEMENT_TRIGGERS = """
DROP TRIGGER followup_refreshes_reported_at ON agreements_followup;
DROP FUNCTION agreements_followup_refreshes_reported_at();

CREATE FUNCTION agreements_followups_refresh_reported_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE agreements_agreement SET reported_at = agreements_reported_at(id)
         WHERE id IN (SELECT DISTINCT agreement_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE agreements_agreement SET reported_at = agreements_reported_at(id)
         WHERE id IN (SELECT DISTINCT agreement_id FROM old_rows);
    ELSE
        UPDATE agreements_agreement SET reported_at = agreements_reported_at(id)
         WHERE id IN (SELECT agreement_id FROM old_rows UNION SELECT agreement_id FROM new_rows);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER followups_inserted_refresh_reported_at
    AFTER INSERT ON agreements_followup REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agreements_followups_refresh_reported_at();
CREATE TRIGGER followups_deleted_refresh_reported_at
    AFTER DELETE ON agreements_followup REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agreements_followups_refresh_reported_at();
CREATE TRIGGER followups_updated_refresh_reported_at
    AFTER UPDATE ON agreements_followup REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agreements_followups_refresh_reported_at();
"""

ROW_TRIGGER = """
DROP TRIGGER followups_inserted_refresh_reported_at ON agreements_followup;
DROP TRIGGER followups_deleted_refresh_reported_at ON agreements_followup;
DROP TRIGGER followups_updated_refresh_reported_at ON agreements_followup;
DROP FUNCTION agreements_followups_refresh_reported_at();

CREATE FUNCTION agreements_followup_refreshes_reported_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE agreements_agreement SET reported_at = agreements_reported_at(id)
         WHERE id = OLD.agreement_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.agreement_id <> OLD.agreement_id) THEN
        UPDATE agreements_agreement SET reported_at = agreements_reported_at(id)
         WHERE id = NEW.agreement_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER followup_refreshes_reported_at
    AFTER INSERT OR DELETE OR UPDATE OF agreement_id, validation, created_at
    ON agreements_followup
    FOR EACH ROW EXECUTE FUNCTION agreements_followup_refreshes_reported_at();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0015_theme_codes_are_numbers"),
    ]

    operations = [migrations.RunSQL(STATEMENT_TRIGGERS, ROW_TRIGGER)]

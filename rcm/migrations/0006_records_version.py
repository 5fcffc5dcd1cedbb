"""The records' version: a number the database raises when a transaction that wrote any record
commits, so that pages kept in the cache (rcm/records_cache.py) are keyed by it and never shown
after the records they were built from changed.

Every table of the record apps gets a statement trigger (rcm.records_cache.watch_record_tables,
after each migrate) that marks its transaction as having written records, once. The mark's
deferred trigger raises the version at commit: the new version becomes visible together with
the rows, and the version's row is locked only while committing, so writers never deadlock on it.
"""

from django.db import migrations

CREATE = """
CREATE TABLE rcm_records_version (
    id smallint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO rcm_records_version VALUES (1, 0);
CREATE TABLE rcm_records_written (txid xid8 PRIMARY KEY);

CREATE FUNCTION rcm_records_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('rcm.records_written', true) IS DISTINCT FROM '1' THEN
        PERFORM set_config('rcm.records_written', '1', true);
        INSERT INTO rcm_records_written VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION rcm_records_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE rcm_records_version SET version = version + 1 WHERE id = 1;
    DELETE FROM rcm_records_written WHERE txid = NEW.txid;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER rcm_records_version_at_commit
    AFTER INSERT ON rcm_records_written
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION rcm_records_version_raise();
"""

DROP = """
DROP TABLE IF EXISTS rcm_records_written;
DROP TABLE IF EXISTS rcm_records_version;
DROP FUNCTION IF EXISTS rcm_records_version_raise() CASCADE;
DROP FUNCTION IF EXISTS rcm_records_written() CASCADE;
"""


class Migration(migrations.Migration):
    dependencies = [("rcm", "0005_remove_organisation_observer_since")]

    operations = [migrations.RunSQL(CREATE, DROP)]

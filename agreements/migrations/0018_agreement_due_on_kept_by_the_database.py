"""The day an agreement falls due, kept by the database: its deadline, or the first day of the
meeting it is due at ("at the next meeting of the RCGM") once that meeting is recorded.

Overdue was "deadline passed, or due at a body's next meeting and that meeting has begun": the
second branch, a subquery per agreement over the meetings, kept PostgreSQL from answering the
overdue count from the (status, visibility, deadline) index. At make bench's scale 10 the count
read every open agreement from the table: 30 ms against 5 ms for a range over one column
(bench/RESULTS.md, overdue_count). With `due_on` stored, overdue is that range.

Triggers keep it right on every write, whatever makes it (services, admin, fixtures, seed_demo's
COPY, a test's update()):
- before an agreement is inserted, or written with a new deadline, body, meeting or due_on: its
  day is worked out (a stale save() from Python cannot overwrite it);
- after meetings are inserted, deleted, or change kind, parent, days or status: the agreements
  due at the next meeting of those kinds, and those adopted at those meetings, are worked out
  again, once per statement.
"""

from django.db import migrations, models

CREATE_TRIGGERS = """
CREATE FUNCTION agreements_due_on(deadline date, body text, adopted_at bigint) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN deadline IS NOT NULL THEN deadline
        WHEN body <> '' THEN (
            SELECT n.starts_on FROM meetings_meeting n, meetings_meeting m
             WHERE m.id = adopted_at AND n.kind = body AND n.parent_id IS NULL
               AND n.starts_on > COALESCE(m.ends_on, m.starts_on) AND n.status <> 'cancelled'
             ORDER BY n.starts_on, n.id LIMIT 1)
    END
$$;

CREATE FUNCTION agreements_agreement_due_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.due_on := agreements_due_on(NEW.deadline, NEW.deadline_body, NEW.meeting_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER agreement_due_on_from_deadline
    BEFORE INSERT OR UPDATE OF deadline, deadline_body, meeting_id, due_on
    ON agreements_agreement
    FOR EACH ROW EXECUTE FUNCTION agreements_agreement_due_on();

CREATE FUNCTION agreements_meetings_move_due_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE agreements_agreement a
           SET due_on = agreements_due_on(a.deadline, a.deadline_body, a.meeting_id)
         WHERE a.deadline IS NULL AND a.deadline_body <> ''
           AND (a.deadline_body IN (SELECT kind FROM new_rows)
                OR a.meeting_id IN (SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE agreements_agreement a
           SET due_on = agreements_due_on(a.deadline, a.deadline_body, a.meeting_id)
         WHERE a.deadline IS NULL AND a.deadline_body <> ''
           AND a.deadline_body IN (SELECT kind FROM old_rows);
    ELSE
        UPDATE agreements_agreement a
           SET due_on = agreements_due_on(a.deadline, a.deadline_body, a.meeting_id)
         WHERE a.deadline IS NULL AND a.deadline_body <> ''
           AND (a.deadline_body IN (SELECT kind FROM old_rows UNION SELECT kind FROM new_rows)
                OR a.meeting_id IN (SELECT id FROM new_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER meetings_inserted_move_due_on
    AFTER INSERT ON meetings_meeting REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agreements_meetings_move_due_on();
CREATE TRIGGER meetings_deleted_move_due_on
    AFTER DELETE ON meetings_meeting REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agreements_meetings_move_due_on();
CREATE TRIGGER meetings_updated_move_due_on
    AFTER UPDATE ON meetings_meeting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION agreements_meetings_move_due_on();

UPDATE agreements_agreement
   SET due_on = agreements_due_on(deadline, deadline_body, meeting_id);
"""

DROP_TRIGGERS = """
DROP TRIGGER meetings_inserted_move_due_on ON meetings_meeting;
DROP TRIGGER meetings_deleted_move_due_on ON meetings_meeting;
DROP TRIGGER meetings_updated_move_due_on ON meetings_meeting;
DROP FUNCTION agreements_meetings_move_due_on();
DROP TRIGGER agreement_due_on_from_deadline ON agreements_agreement;
DROP FUNCTION agreements_agreement_due_on();
DROP FUNCTION agreements_due_on(date, text, bigint);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0017_decisions_at_the_meeting_need_no_follow_up"),
        ("meetings", "0008_meeting_city_in_spanish"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="agreement", name="agreement_status_visibility"),
        migrations.AddField(
            model_name="agreement",
            name="due_on",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="The deadline, or the first day of the meeting it is due at once that "
                "meeting is recorded.",
                null=True,
                verbose_name="due",
            ),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                fields=["status", "visibility", "due_on"],
                include=("id", "meeting"),
                name="agreement_status_visibility",
            ),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                condition=models.Q(
                    ("deadline__isnull", True), models.Q(("deadline_body", ""), _negated=True)
                ),
                fields=["deadline_body"],
                name="agreement_due_at_a_meeting",
            ),
        ),
        migrations.RunSQL(CREATE_TRIGGERS, DROP_TRIGGERS),
    ]

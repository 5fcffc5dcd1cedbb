"""An agreement is never more public than its meeting, whose visibility it takes by default (F1).

The rule spans two tables, which a CheckConstraint cannot, so triggers keep it:
- before an agreement is written: an empty visibility takes the meeting's; a more public one is
  refused (check_violation, which Django raises as IntegrityError);
- after a meeting's visibility changes: its agreements that would be more public than the
  meeting are made as restrictive as the meeting (tightening a meeting never leaves its decisions
  readable by more people than the meeting itself).
Agreements already more public than their meeting are tightened first.
"""

from django.db import migrations, models

VISIBILITY_HELP = (
    "Left empty, the meeting's. Never more public than the meeting: the decisions of a "
    "closed-door meeting stay with those who may see the meeting."
)
VISIBILITY_CHOICES = [
    ("public", "Public"),
    ("members", "Members only"),
    ("restricted", "Restricted"),
]

CREATE_TRIGGERS = """
CREATE FUNCTION agreements_visibility_rank(visibility text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE visibility WHEN 'public' THEN 0 WHEN 'members' THEN 1 WHEN 'restricted' THEN 2 END
$$;

CREATE FUNCTION agreements_agreement_follows_its_meeting() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    meeting_visibility text;
BEGIN
    SELECT m.visibility INTO meeting_visibility FROM meetings_meeting m WHERE m.id = NEW.meeting_id;
    IF meeting_visibility IS NULL THEN
        -- The meeting is not there (yet: foreign keys are checked at commit); an agreement
        -- without a visibility of its own cannot be written.
        IF coalesce(NEW.visibility, '') = '' THEN
            RAISE EXCEPTION 'agreement % has no visibility and its meeting % is not recorded',
                NEW.ref, NEW.meeting_id
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'agreement_not_more_public_than_its_meeting';
        END IF;
        RETURN NEW;
    END IF;
    IF coalesce(NEW.visibility, '') = '' THEN
        NEW.visibility := meeting_visibility;
    ELSIF agreements_visibility_rank(NEW.visibility) IS NULL
        OR agreements_visibility_rank(NEW.visibility)
            < agreements_visibility_rank(meeting_visibility) THEN
        RAISE EXCEPTION 'agreement % cannot be %: its meeting % is %',
            NEW.ref, NEW.visibility, NEW.meeting_id, meeting_visibility
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'agreement_not_more_public_than_its_meeting';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER agreement_not_more_public_than_its_meeting
    BEFORE INSERT OR UPDATE OF visibility, meeting_id ON agreements_agreement
    FOR EACH ROW EXECUTE FUNCTION agreements_agreement_follows_its_meeting();

CREATE FUNCTION agreements_meeting_tightens_its_agreements() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agreements_agreement
       SET visibility = NEW.visibility, updated_at = now()
     WHERE meeting_id = NEW.id
       AND agreements_visibility_rank(visibility) < agreements_visibility_rank(NEW.visibility);
    RETURN NULL;
END
$$;

CREATE TRIGGER meeting_tightens_its_agreements
    AFTER UPDATE OF visibility ON meetings_meeting
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION agreements_meeting_tightens_its_agreements();
"""

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS meeting_tightens_its_agreements ON meetings_meeting;
DROP FUNCTION IF EXISTS agreements_meeting_tightens_its_agreements();
DROP TRIGGER IF EXISTS agreement_not_more_public_than_its_meeting ON agreements_agreement;
DROP FUNCTION IF EXISTS agreements_agreement_follows_its_meeting();
DROP FUNCTION IF EXISTS agreements_visibility_rank(text);
"""


def tighten_agreements_more_public_than_their_meeting(apps, schema_editor):
    Agreement = apps.get_model("agreements", "Agreement")
    Agreement.objects.filter(meeting__visibility="members", visibility="public").update(
        visibility="members"
    )
    Agreement.objects.filter(meeting__visibility="restricted").exclude(
        visibility="restricted"
    ).update(visibility="restricted")


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0004_indexes_for_lists_and_counts"),
        ("meetings", "0005_index_for_the_list_order"),
    ]

    operations = [
        migrations.AlterField(
            model_name="agreement",
            name="visibility",
            field=models.CharField(
                blank=True,
                choices=VISIBILITY_CHOICES,
                default="",
                help_text=VISIBILITY_HELP,
                max_length=10,
                verbose_name="visibility",
            ),
        ),
        migrations.AlterField(
            model_name="historicalagreement",
            name="visibility",
            field=models.CharField(
                blank=True,
                choices=VISIBILITY_CHOICES,
                default="",
                help_text=VISIBILITY_HELP,
                max_length=10,
                verbose_name="visibility",
            ),
        ),
        migrations.RunPython(
            tighten_agreements_more_public_than_their_meeting, migrations.RunPython.noop
        ),
        migrations.RunSQL(CREATE_TRIGGERS, reverse_sql=DROP_TRIGGERS),
    ]

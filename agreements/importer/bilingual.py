"""The other language's version of a recorded document: its items paired with the recorded ones.

The conference publishes its records in English and Spanish with the same structure. Importing
the second version fills the language the recorded agreements lack (``text_es`` for a Spanish
document, ``text_en`` for an English one) and the meeting's title in that language, and creates
nothing: a pair is found by (section, reference), and when the two versions number their items
differently but hold as many, by their order in the document. An item left without a partner is
shown in the preview and stops the commit, so that a record is never duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from agreements.models import Agreement

LANGUAGES = ("en", "es")


def text_field(language: str) -> str:
    return "text_es" if language == "es" else "text_en"


def flat_items(items: list[dict]) -> list[dict]:
    rows = []
    for item in items:
        rows.append(item)
        rows.extend(flat_items(item.get("children", [])))
    return rows


def is_translation(meeting, language: str) -> bool:
    """Whether the meeting's agreements are recorded, but none yet in this language."""
    agreements = meeting.agreements.all()
    if not agreements.exists():
        return False
    return not agreements.exclude(**{text_field(language): ""}).exists()


@dataclass
class Pairing:
    """Each item of the document with the recorded agreement it translates."""

    language: str
    pairs: list[tuple[dict, Agreement | None]] = field(default_factory=list)
    by_order: bool = False
    unpaired_recorded: list[Agreement] = field(default_factory=list)

    @property
    def unpaired_items(self) -> list[dict]:
        return [item for item, agreement in self.pairs if agreement is None]

    def refusal(self) -> str:
        refs = ", ".join(f"{i.get('section')} {i.get('ref')}" for i in self.unpaired_items)
        return _(
            "These items have no recorded counterpart to translate: %(refs)s. Give them the "
            "references of the recorded agreements they translate; nothing was changed."
        ) % {"refs": refs}


def pair_items(meeting, items: list[dict], language: str) -> Pairing:
    recorded = list(meeting.agreements.order_by("position"))
    by_key = {(agreement.section, agreement.ref): agreement for agreement in recorded}
    rows = flat_items(items)
    pairing = Pairing(language=language)
    keyed = [by_key.get((row.get("section"), str(row.get("ref") or "").strip())) for row in rows]
    if None in keyed and len(rows) == len(recorded):
        # Numbered differently (a list restarted, a letter for a number): same count, same order.
        pairing.by_order = True
        keyed = recorded
    pairing.pairs = list(zip(rows, keyed, strict=True))
    paired = {agreement.pk for agreement in keyed if agreement is not None}
    pairing.unpaired_recorded = [a for a in recorded if a.pk not in paired]
    return pairing


def record_translation(*, meeting, record: dict, language: str, progress=None) -> int:
    """Fill the recorded agreements' and meeting's text in ``language``; return how many."""
    from agreements.importer.commit import ImportRefused

    pairing = pair_items(meeting, record.get("agreements", []), language)
    if pairing.unpaired_items:
        raise ImportRefused(pairing.refusal())
    name_field = "name_es" if language == "es" else "name_en"
    title = (record.get("meeting", {}).get("title") or "").strip()
    if title and not getattr(meeting, name_field):
        setattr(meeting, name_field, title[:400])
        meeting.save(update_fields=[name_field])
    column = text_field(language)
    for done, (item, agreement) in enumerate(pairing.pairs, start=1):
        setattr(agreement, column, item["text"].strip())
        agreement.save(update_fields=[column, "updated_at"])
        if progress:
            progress(done, len(pairing.pairs))
    return len(pairing.pairs)

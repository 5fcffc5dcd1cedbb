"""Plan of Action themes suggested from an agreement's text, in English and Spanish.

Each theme of the Plan of Action (fixtures/themes.json) has a few word stems in both languages;
an agreement is suggested the most specific themes whose stems its text (and the group label it
is printed under) contains, at most MAX_SUGGESTIONS. An item about the conference's own working
(its budget, reports, meetings, working groups, peer processes) that names no topic is suggested
3.7 Bilateral and Multilateral Cooperation, which is what the conference is. An item with
nothing to go on takes its parent's suggestions.

Suggestions are stored on the agreement's themes with ``suggested=True``, so that the dashboard
counts them at once, until TS staff confirm them (``agreement_themes_confirm``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agreements import rules
from agreements.models import Agreement, AgreementTheme, Theme
from rcm.models import access_for

MAX_SUGGESTIONS = 3

# Theme code → stems (lower case, without accents; a stem matches at the start of a word).
STEMS: dict[str, tuple[str, ...]] = {
    "1.1": (
        "migration polic", "migration management", "migration flow", "migratory flow",
        "irregular migra", "mass migration", "regulari", "extra-continental", "extracontinental",
        "politicas migratori", "politica migratori", "gestion migratori", "flujos migratori",
        "migracion irregular", "migracion masiva", "documentation mechanism",
    ),
    "1.1.1": ("repatriation by land", "repatriacion terrestre"),
    "1.1.2": ("assisted return", "assisted voluntary return", "extra-regional migra",
              "retorno asistido", "extrarregional"),
    "1.1.3": ("visa", "travel document", "passport", "documentos de viaje", "pasaporte"),
    "1.1.4": ("asylum", "refugee status", "international protection", "asilo",
              "condicion de refugiad", "proteccion internacional"),
    "1.1.5": ("migration law", "migratory law", "legislacion migratori", "ley de migracion"),
    "1.1.6": ("intelligence", "security authorit", "inteligencia", "autoridades de seguridad"),
    "1.2": ("traffick", "smuggl", "trata de personas", "trafico ilicito de migrantes",
            "trafico de migrantes"),
    "1.2.1": ("risks of irregular migration", "risks of smuggling",
              "riesgos de la migracion irregular"),
    "1.2.2": ("prosecut", "access to justice", "due process", "denounc", "crime", "criminal",
              "acceso a la justicia", "debido proceso", "denuncia", "delito"),
    "1.2.3": ("coalition against trafficking", "coalicion regional contra la trata"),
    "1.2.8": ("victim", "victima"),
    "1.2.9": ("training", "diploma course", "online course", "capacitacion", "diplomado",
              "curso en linea", "curso virtual"),
    "2.1": ("consular", "consulate", "consulado"),
    "2.1.3": ("missing migrant", "missing person", "identifying missing", "death",
              "migrantes desaparecid", "personas desaparecid", "fallecid"),
    "2.1.4": ("awareness", "campaign", "sensibilizacion", "campana"),
    "2.1.5": ("health", "pandemic", "salud", "pandemia"),
    "2.1.6": ("natural disaster", "earthquake", "climate change", "emergency plan",
              "desastres naturales", "desastre natural", "terremoto", "cambio climatico"),
    "2.1.8": ("human rights", "labor rights", "labour rights", "derechos humanos",
              "derechos laborales"),
    "2.2": ("child", "boys", "girls", "adolescent", "minors", "best interest", "nina", "nino",
            "ninez", "adolescente", "interes superior", "vulnerable group", "grupos vulnerables"),
    "2.2.3": ("refugee", "displaced", "stateless", "mirps", "protection and solutions",
              "refugiad", "desplazad", "apatrid"),
    "2.2.4": ("deported", "returned and deported", "deportad", "retornad"),
    "2.2.7": ("highly vulnerable", "vulnerable situation", "alta vulnerabilidad",
              "situacion de vulnerabilidad", "situaciones de vulnerabilidad"),
    "2.2.9": ("women", "gender", "lgbt", "mujer", "genero"),
    "2.2.10": ("family", "familia", "familiar"),
    "3": ("migration and development", "migracion y desarrollo"),
    "3.1": ("private sector", "employer", "sector privado", "empleador"),
    "3.2": ("labour migration", "labor migration", "migrant worker", "domestic worker",
            "labour mobility", "labor mobility", "labour integration", "labor integration",
            "labor exploitation", "labour exploitation", "temporary migrant", "qualifications",
            "migracion laboral", "movilidad laboral", "trabajador", "explotacion laboral"),
    "3.3": ("remittance", "remesa"),
    "3.4": ("reintegration", "integration", "reintegracion", "integracion", "return of migrants",
            "retorno de migrantes"),
    "3.5": ("tourism", "turismo"),
    "3.6": ("border", "frontera", "fronteriz"),
    "3.7": ("bilateral", "trilateral", "multilateral", "cooperation", "cooperacion",
            "south american conference", "sacm", "conferencia suramericana", "joint communique",
            "exchange mechanism", "global compact", "pacto mundial",
            "international migration review forum", "imrf", "high-level dialogue",
            "high level dialogue", "dialogo de alto nivel"),
    "3.8": ("free trade", "libre comercio"),
    "3.9": ("communities of origin", "diaspora", "comunidades de origen"),
    "3.10": ("regional security", "seguridad regional"),
}  # fmt: skip

# The conference's own working: budget, reports, meetings, working groups, observers.
INSTITUTIONAL_THEME = "3.7"
INSTITUTIONAL_STEMS = (
    "budget", "contribution", "financial", "report", "strategic plan", "working group",
    "observer", "secretariat", "presidency pro-tempore", "ppt", "plenary", "vice-ministerial",
    "regional consultation group", "rcgm", "calendar", "meeting", "activities", "civil society",
    "rncom", "presupuesto", "contribucion", "informe", "plan estrategico", "grupo de trabajo",
    "observador", "secretaria", "presidencia pro tempore", "reunion", "calendario",
    "sociedad civil",
)  # fmt: skip


def _pattern(stems: Iterable[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + ")")


PATTERNS = {code: _pattern(stems) for code, stems in STEMS.items()}
INSTITUTIONAL = _pattern(INSTITUTIONAL_STEMS)


def fold(text: str) -> str:
    """Lower case without accents, one space between words: "Niñez" → "ninez"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _depth(code: str) -> int:
    return code.count(".")


def suggest_codes(*texts: str) -> list[str]:
    """The theme codes a text suggests, best first: most stems found, then the most specific.
    A theme is dropped when one of its subtopics is suggested too."""
    folded = fold(" ".join(t for t in texts if t))
    if not folded:
        return []
    hits = {code: len(pattern.findall(folded)) for code, pattern in PATTERNS.items()}
    found = {code: count for code, count in hits.items() if count}
    found = {
        code: count
        for code, count in found.items()
        if not any(other.startswith(f"{code}.") for other in found)
    }
    ranked = sorted(found, key=lambda code: (-found[code], -_depth(code), code))
    if not ranked and INSTITUTIONAL.search(folded):
        return [INSTITUTIONAL_THEME]
    return ranked[:MAX_SUGGESTIONS]


def suggest_for(agreement: Agreement) -> list[str]:
    return suggest_codes(agreement.text_en, agreement.text_es, agreement.group)


@transaction.atomic
def agreements_suggest_themes(*, agreements: Iterable[Agreement] | None = None) -> int:
    """Store suggested themes on each agreement that has none (confirmed or suggested): a
    record TS staff have themed is left as they left it. Returns how many agreements got some.

    An item whose own text suggests nothing takes its parent's suggestions. Four queries
    whatever the number of agreements.
    """
    queryset = Agreement.objects.all() if agreements is None else agreements
    rows = list(
        Agreement.objects.filter(pk__in=[a.pk for a in queryset])
        .order_by("meeting_id", "position", "pk")
        .only("pk", "parent_id", "text_en", "text_es", "group")
    )
    themed = set(
        AgreementTheme.objects.filter(agreement__in=rows).values_list("agreement_id", flat=True)
    )
    theme_ids = dict(Theme.objects.values_list("code", "pk"))
    by_pk: dict[int, list[str]] = {}
    links = []
    # Document order puts a parent before its sub-items, so they can take its suggestions.
    for agreement in rows:
        codes = [code for code in suggest_for(agreement) if code in theme_ids]
        if not codes and agreement.parent_id in by_pk:
            codes = by_pk[agreement.parent_id]
        by_pk[agreement.pk] = codes
        if agreement.pk in themed:
            continue
        links.extend(
            AgreementTheme(agreement_id=agreement.pk, theme_id=theme_ids[code], suggested=True)
            for code in codes
        )
    bulk_create_with_history(
        links,
        AgreementTheme,
        ignore_conflicts=True,
        default_change_reason="Suggested from the text",
    )
    return len({link.agreement_id for link in links})


@transaction.atomic
def agreement_themes_confirm(*, agreements: Iterable[Agreement], by) -> int:
    """TS staff confirm the themes suggested on these agreements; returns how many themes.
    Anyone else is refused and nothing changes."""
    if not rules.may_curate(access_for(by)):
        raise PermissionDenied("Only TS staff confirm suggested themes.")
    links = list(
        AgreementTheme.objects.filter(agreement__in=[a.pk for a in agreements], suggested=True)
    )
    for link in links:
        link.suggested = False
    bulk_update_with_history(
        links, AgreementTheme, ["suggested"], default_user=by, default_change_reason="Confirmed"
    )
    return len(links)

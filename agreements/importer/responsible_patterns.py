"""The phrases that make someone responsible without naming them as the subject or addressee of
a task: an offer, an accepted proposal, thanks for an offer, a pronoun that stands for whom the
clause named first, and "resolved that …"."""

from __future__ import annotations

import re

# "the offer of Panama to host…", "el ofrecimiento de Honduras para ejercer…": an offer is a task.
OFFER = re.compile(
    r"(?=[o])\b(?:offers?|ofrecimientos?|ofertas?)\s+(?:made\s+)?(?:of|by|from|de|del|hecho\s+por)"
    r"\s+(?:the\s+|la\s+|el\s+(?!salvador\b))?(?:(?:gobierno|government)\s+(?:de|of)\s+"
    r"(?:los\s+|las\s+|la\s+|the\s+)?)?(?:(?:republica|republic)\s+(?:de|of)\s+(?:the\s+)?)?"
    r"(?P<obj>)(?=[^.;:]{1,80}?\s(?:to|para|de)\s+\w)"
)
# "Aceptar la propuesta de Guatemala de organizar…", "to accept the proposal of Mexico to host…":
# whoever proposed to do it, once accepted, is to do it.
ACCEPTED_PROPOSAL = re.compile(
    r"(?=[a])\b(?:aceptar|acoger|accept|accepts|accepted)\s+(?:la|the)\s+(?:propuesta|proposal)\s+"
    r"(?:de|del|of|by|from)\s+(?:la\s+|el\s+(?!salvador\b)|the\s+)?(?:(?:gobierno|government)\s+"
    r"(?:de|of)\s+)?(?P<obj>)(?=[^.;:]{1,80}?\s(?:to|para|de)\s+\w)"
)
# "To thank Panama for its offer to host…", "Agradecer a Honduras su ofrecimiento para…": the
# one thanked for an offer is to carry it out.
THANKED_OFFER = re.compile(
    r"(?=[tawg])\b(?:thank|thanks|welcome|welcomes|accept|accepts|agradecer|agradece|acoger"
    r"|aceptar)\s+(?:(?:to|a|al)\s+)?(?:the\s+|el\s+(?!salvador\b)|la\s+)?(?P<obj>[^.;:]{1,80}?)\s+"
    r"(?:(?:for|por)\s+)?(?:its|their|his|her|su|sus|el|la)\s+(?:kind\s+|generous\s+|amable\s+)?"
    r"(?:offers?|ofrecimientos?|ofertas?)\s+(?:to|para|de)\s"
)
# "… y solicitarle que remita", "… e invitarla a presentar", "… and to request it to send": a
# directive addressed by a pronoun to whom the clause named first.
ASKED_AS_PRONOUN = re.compile(
    r"(?=[aey])\b(?:y|e)\s+(?:solicitar|pedir|invitar|instar|exhortar|alentar|encomendar|encargar)"
    r"(?:le|la|lo|les|las|los)\b|\band\s+(?:to\s+)?(?:request|invite|ask|urge|encourage)\s+"
    r"(?:it|them)\s+to\b"
)
# "se resolvió que la Secretaría Técnica presente…", "it was decided that the TS…".
RESOLVED_THAT = re.compile(
    r"(?=[adcrqus])\b(?:resolvi(?:o|eron)|acord(?:o|aron)|decidi(?:o|eron)|resolved|decided|agreed"
    # "To recommend that the member countries designate…", "Solicitar que la ST…"
    r"|recommend(?:s|ed)?|recomendar|recomienda(?:n)?|urge(?:s|d)?|request(?:s|ed)?|solicitar"
    r"|solicita(?:n)?)\s+(?:que|that)\s+"
    # An item that opens with the subjunctive: "Que la Secretaría Técnica elabore…", "That the
    # member countries designate…".
    r"|^[\s\-–·•]*(?:que|that)\s+"
)

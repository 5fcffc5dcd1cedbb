"""A record sent by e-mail: the message's header lines are no part of it."""

from __future__ import annotations

import re

# "De:", "Enviado:", "Para:", "Asunto:" … as Outlook prints a message; "From:", "Sent:" ….
_HEADER = re.compile(
    r"^\s*(?P<name>de|enviado|para|cc|cco|asunto|datos\s+adjuntos|importancia|from|sent|to|cc"
    r"|bcc|subject|attachments|importance|date)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_SUBJECT = ("asunto", "subject")


def without_mail_headers(lines: list[str]) -> list[str]:
    """The lines with the header of the e-mail that opens them blanked (three header lines or
    more among the first lines); its subject stays, as the title the sender gave the record."""
    start = next((i for i, line in enumerate(lines[:12]) if _HEADER.match(line)), None)
    if start is None:
        return lines
    end = start
    while end < len(lines) and _HEADER.match(lines[end]):
        end += 1
    if end - start < 3:
        return lines
    cleaned = list(lines)
    for index in range(start, end):
        header = _HEADER.match(lines[index])
        subject = header["name"].lower() in _SUBJECT
        cleaned[index] = header["value"].strip() if subject else ""
    return cleaned

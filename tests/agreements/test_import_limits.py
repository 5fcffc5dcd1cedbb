"""Bounded cost: the importer refuses what would take too much, says so, and reads the rest in
bounded memory."""

import io
import tracemalloc
import zipfile
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from agreements.importer import UnreadableDocument, read_document
from agreements.importer.reading import MAX_DOCX_UNPACKED_BYTES
from agreements.importer.service import MAX_PREVIEW_CHARS, import_read
from meetings.models import Meeting
from tests.agreements.test_admin_import import URL, preview, staff_client  # noqa: F401
from tests.agreements.test_import_record import DOCUMENT, conference  # noqa: F401

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def docx_declaring(unpacked: int) -> bytes:
    """A .docx whose document part unpacks to `unpacked` bytes of one repeated character: what
    a "zip bomb" is, written in chunks so that the test itself stays small."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def peak_bytes(function, *args) -> int:
    tracemalloc.start()
    try:
        try:
            function(*args)
        except UnreadableDocument:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_it_is_unpacked():
    bomb = docx_declaring(MAX_DOCX_UNPACKED_BYTES + 8 * 1024 * 1024)
    assert len(bomb) < 200_000
    with pytest.raises(UnreadableDocument, match="unpacks to 33 MB"):
        read_document(bomb, "bomb.docx")
    assert peak_bytes(read_document, bomb, "bomb.docx") < 4 * 1024 * 1024


def test_a_docx_compressed_like_no_word_document_is_refused():
    with pytest.raises(UnreadableDocument, match="compressed .* times over"):
        read_document(docx_declaring(8 * 1024 * 1024), "dense.docx")


def test_a_large_word_document_is_read_in_bounded_memory():
    import docx

    document = docx.Document()
    for number in range(1, 1501):
        document.add_paragraph(
            f"{number}. To urge the Member Countries to share information on the subject of "
            f"item {number} with the Technical Secretariat before the next meeting."
        )
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    tracemalloc.start()
    try:
        text = read_document(data, "long.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert text.count("To urge") == 1500
    assert peak < 60 * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MB"


def test_a_long_text_is_read_in_memory_proportional_to_it():
    data = ("1. To thank Panama for hosting the meeting. " * 20 + "\n").encode() * 4000
    tracemalloc.start()
    try:
        read_document(data, "long.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 * len(data), f"{peak / len(data):.1f} times the text"


def test_a_file_over_the_upload_limit_is_refused_with_a_message(settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(UnreadableDocument, match="the importer reads documents up to"):
        import_read(data=DOCUMENT.encode() * 2, filename="big.txt")


@pytest.mark.django_db
def test_the_admin_refuses_an_upload_over_the_limit(staff_client, conference, settings):  # noqa: F811
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024
    upload = SimpleUploadedFile("big.txt", DOCUMENT.encode() * 2)
    response = staff_client.post(URL, {"step": "parse", "document": upload})
    assert response.status_code == 200
    assert "the importer reads documents up to 0.0 MB" in response.text
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_the_admin_sends_a_paste_longer_than_the_preview_reads_to_the_command(
    staff_client,  # noqa: F811
    conference,  # noqa: F811
):
    response = preview(staff_client, text="x" * (MAX_PREVIEW_CHARS + 1))
    assert response.status_code == 200
    assert "import_record" in response.text
    assert "items" not in response.context or response.context.get("items") is None


@pytest.mark.django_db
def test_the_command_refuses_a_file_over_the_limit(conference, tmp_path, settings):  # noqa: F811
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024
    path = tmp_path / "big.txt"
    path.write_text(DOCUMENT * 2)
    with pytest.raises(CommandError, match="the importer reads documents up to"):
        call_command("import_record", str(path), stderr=StringIO())


@pytest.mark.django_db
def test_a_dry_run_with_an_item_without_text_is_a_clear_error(conference, tmp_path):  # noqa: F811
    path = tmp_path / "empty-item.txt"
    path.write_text(
        DOCUMENT.replace("3. To hold a regional workshop", "3.\n\n4. To hold a regional workshop")
    )
    out = StringIO()
    with pytest.raises(CommandError, match=r"conclusion 3 text: The item has no text"):
        call_command("import_record", str(path), dry_run=True, stdout=out, stderr=StringIO())
    assert "3 other: (no text)" in out.getvalue() or "(no text)" in out.getvalue()


@pytest.mark.django_db
def test_the_command_prints_its_progress(conference, tmp_path):  # noqa: F811
    path = tmp_path / "rcgm.txt"
    path.write_text(DOCUMENT)
    err = StringIO()
    call_command("import_record", str(path), stderr=err, stdout=StringIO())
    lines = err.getvalue().splitlines()
    assert any("Parsing" in line for line in lines)
    assert any("Recording: 5/5 items" in line for line in lines)
    assert lines[-1].startswith("Created")

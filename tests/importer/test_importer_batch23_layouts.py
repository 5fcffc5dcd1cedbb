"""The layouts and wordings of held-out batch 23 (heldout/README.md), one behaviour each:
documents written for these tests in the conference's ways of writing (none is the record of a
real meeting). No database."""

from agreements.importer import parse_record

COMMUNIQUE = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "COMUNICADO CONJUNTO\n\n"
    "En la Ciudad de Guatemala, República de Guatemala, los días 3 y 4 de junio de 2008, se "
    "celebró la XIII Reunión Viceministerial de la Conferencia Regional sobre Migración.\n\n"
    "Los Viceministros adoptaron las siguientes decisiones:\n\n"
    "{body}\n"
)
DECISIONS = (
    "REGIONAL CONFERENCE ON MIGRATION\n"
    "Regional Consultation Group on Migration\n"
    "Tegucigalpa, Honduras, 5 and 6 March 2015\n\n"
    "SUMMARY OF DECISIONS\n\n"
    "{body}\n"
)
NETWORK_MINUTES = (
    "CONFERENCIA REGIONAL SOBRE MIGRACIÓN\n"
    "Red de Funcionarios de Enlace para la Protección Consular\n"
    "San Salvador, El Salvador, 10 y 11 de octubre de 2016\n\n"
    "ACTA DE LA REUNIÓN\n\n"
    "La Red adoptó los siguientes acuerdos:\n\n"
    "{body}\n"
)


def test_feminine_ordinals_number_the_decisions():
    record = parse_record(
        COMMUNIQUE.format(
            body="Primera: Aprobar el informe de la Presidencia Pro Tempore.\n\n"
            "Segunda: Encargar a la Secretaría Técnica la elaboración de un informe.\n\n"
            "Décima primera: Agradecer al Gobierno de Guatemala su hospitalidad."
        )
    )
    assert [item.ref for item in record.agreements] == ["1", "2", "11"]
    assert record.by_ref()["1"].text == "Aprobar el informe de la Presidencia Pro Tempore."


def test_the_city_is_read_from_a_narrating_paragraph_that_opens_en_la_ciudad_de():
    record = parse_record(COMMUNIQUE.format(body="Primera: Aprobar el informe."))
    assert (record.meeting.city, record.meeting.country) == ("Ciudad de Guatemala", "GT")


def test_a_narrating_paragraph_between_two_decisions_is_context():
    record = parse_record(
        COMMUNIQUE.format(
            body="Primera: Crear el Fondo de Reserva.\n\n"
            "La delegación de Canadá anunció una contribución inicial al Fondo.\n\n"
            "Durante la sesión plenaria, los Viceministros sostuvieron un diálogo con la RROCM.\n\n"
            "Segunda: Aprobar el presupuesto de 2009."
        )
    )
    assert record.by_ref()["1"].text == "Crear el Fondo de Reserva."
    assert "La delegación de Canadá anunció una contribución inicial al Fondo." in record.preamble
    assert any(line.startswith("Durante la sesión plenaria") for line in record.preamble)


def test_a_footnote_is_context_and_its_call_leaves_the_text():
    record = parse_record(
        COMMUNIQUE.format(
            body="Primera: Solicitar a la Red que examine la guía en su próxima reunión1.\n\n"
            "Ciudad de Guatemala, 4 de junio de 2008\n\n"
            "____________________\n"
            "1 La delegación de México solicitó dejar constancia de su reserva."
        )
    )
    item = record.by_ref()["1"]
    assert item.text == "Solicitar a la Red que examine la guía en su próxima reunión."
    assert "próxima reunión" in item.deadline_text
    assert (
        record.preamble[-1] == "1 La delegación de México solicitó dejar constancia de su reserva."
    )


def test_a_decision_headed_by_its_number_and_title_has_the_title_as_its_group():
    record = parse_record(
        DECISIONS.format(
            body="Decision 1 – Reserve Fund\n\n"
            "The RCGM approved the report on the Reserve Fund.\n\n"
            "Decision 2 – Acknowledgements\n\n"
            "The RCGM thanked the Government of Honduras for its hospitality."
        )
    )
    first, second = record.agreements
    assert (first.ref, first.group, first.text, first.action) == (
        "1",
        "Reserve Fund",
        "The RCGM approved the report on the Reserve Fund.",
        "approve",
    )
    assert (second.group, second.action) == ("Acknowledgements", "thank")


def test_every_paragraph_under_a_titled_decision_is_its_text():
    record = parse_record(
        DECISIONS.format(
            body="Decision 1 – Contributions\n\n"
            "The RCGM took note of the report of the Technical Secretariat.\n\n"
            "Member countries were urged to pay their contributions no later than June 30, 2015."
        )
    )
    item = record.by_ref()["1"]
    assert item.text.endswith("no later than June 30, 2015.")
    assert item.deadline.isoformat() == "2015-06-30"


def test_a_named_label_alone_on_its_line_numbers_the_agreement_below_it():
    record = parse_record(
        NETWORK_MINUTES.format(
            body="ACUERDO No. 1\nAprobar el Plan de Trabajo de la Red.\n\n"
            "ACUERDO No. 2\nActualizar el directorio consular.\nResponsables: Países Miembros"
        )
    )
    assert [(item.ref, item.action) for item in record.agreements] == [
        ("1", "approve"),
        ("2", "approve"),
    ]
    assert record.by_ref()["1"].text == "Aprobar el Plan de Trabajo de la Red."


def test_who_supports_or_coordinates_in_a_responsables_line_is_not_responsible():
    record = parse_record(
        NETWORK_MINUTES.format(
            body="ACUERDO No. 1\nElaborar un protocolo regional.\n"
            "Responsables: Guatemala y Honduras, con el apoyo técnico de la OIM\n\n"
            "ACUERDO No. 2\nRealizar un curso regional.\n"
            "Responsables: Costa Rica, en coordinación con la Secretaría Técnica"
        )
    )
    assert record.by_ref()["1"].responsible == ["GT", "HN"]
    assert record.by_ref()["2"].responsible == ["CR"]


def test_a_plazo_that_is_the_next_meeting_is_a_deadline_without_a_date():
    record = parse_record(
        NETWORK_MINUTES.format(
            body="ACUERDO No. 1\nSolicitar a la OIM que comparta su estudio.\n"
            "Plazo: próxima reunión de la Red"
        )
    )
    item = record.by_ref()["1"]
    assert item.deadline is None
    assert "próxima reunión de la Red" in item.deadline_text


def test_the_close_of_the_minutes_and_the_signatures_are_no_part_of_the_last_agreement():
    record = parse_record(
        NETWORK_MINUTES.format(
            body="ACUERDO No. 1\nAgradecer al Gobierno de El Salvador su hospitalidad.\n\n"
            "No habiendo más asuntos que tratar, se levantó la sesión.\n\n"
            "Por Belice                              Por Costa Rica\n\n"
            "______________________                  ______________________\n"
            "Nombre Apellido                         Nombre Apellido"
        )
    )
    assert record.by_ref()["1"].text == "Agradecer al Gobierno de El Salvador su hospitalidad."
    assert "No habiendo más asuntos que tratar, se levantó la sesión." in record.preamble
    assert any("Por Belice" in line for line in record.preamble)

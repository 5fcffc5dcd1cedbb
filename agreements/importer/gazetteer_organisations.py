"""The default gazetteer's organisations and bodies: the conference's own (its Technical
Secretariat, Presidency Pro-Tempore, liaison networks and working groups) and the others its
documents name."""

from __future__ import annotations

from .gazetteer_names import Alias, Entry, _r

__all__ = ["ORGANISATIONS"]


_LN = r"(?:liaison officers?'?|(?:red|redes) de funcionari[oa]s de enlace)"
_SACM_NAMES = (
    r"(?:south american conference on migrations?|sacm|csm"
    r"|conferencia su[dr]americana (?:sobre|de) migraciones)"
)

ORGANISATIONS: tuple[Entry, ...] = (
    Entry(
        "IOM",
        "organisation",
        (
            "IOM", "OIM", "International Organization for Migration",
            "International Organisation for Migration",
            "Organización Internacional para las Migraciones",
            "Organización Internacional de Migraciones",
        ),
    ),
    Entry(
        "ECLAC",
        "organisation",
        (
            "ECLAC/CELADE", "CEPAL/CELADE", "ECLAC", "CEPAL", "CELADE",
            "Economic Commission for Latin America and the Caribbean",
            "Comisión Económica para América Latina y el Caribe",
            "Latin American and Caribbean Demographic Centre",
            "Latin American and Caribbean Demographic Center",
            "Centro Latinoamericano y Caribeño de Demografía",
        ),
    ),
    Entry(
        "UNHCR",
        "organisation",
        (
            "UNHCR", "ACNUR", "United Nations High Commissioner for Refugees",
            "UN High Commissioner for Refugees", "Office of the High Commissioner for Refugees",
            "Alto Comisionado de las Naciones Unidas para los Refugiados",
        ),
    ),
    Entry(
        "IACHR",
        "organisation",
        (
            "IACHR", "CIDH", "Inter-American Commission on Human Rights",
            "Comisión Interamericana de Derechos Humanos",
        ),
    ),
    Entry(
        "SICA",
        "organisation",
        (
            "SICA", "Central American Integration System",
            "Sistema de la Integración Centroamericana", "Sistema de Integración Centroamericana",
        ),
    ),
    Entry(
        "UNSR",
        "organisation",
        (
            "UNSR",
            "Special Rapporteur",
            _r(
                r"\b(?:un |united nations )?special rapporteur (?:on|for|of) the human rights"
                r" of migrants"
            ),
            _r(
                r"\brelator(?:a)? especial (?:de (?:las )?naciones unidas )?(?:sobre|para|de)"
                r" (?:los )?derechos humanos de (?:los )?migrantes"
            ),
        ),
    ),
    Entry(
        "UNFPA",
        "organisation",
        ("UNFPA", "United Nations Population Fund", "Fondo de Población de las Naciones Unidas"),
    ),
    Entry(
        "SEGIB",
        "organisation",
        (
            "SEGIB", "Ibero-American General Secretariat", "Iberoamerican General Secretariat",
            "Secretaría General Iberoamericana",
        ),
    ),
    Entry(
        "ICRC",
        "organisation",
        (
            "ICRC", "CICR", "International Committee of the Red Cross",
            "Comité Internacional de la Cruz Roja", "Red Cross", "Cruz Roja",
        ),
    ),
    Entry(
        "ILO",
        "organisation",
        (
            "ILO", "OIT", "International Labour Organization", "International Labor Organization",
            "International Labour Organisation", "International Organization for Labour",
            "Organización Internacional del Trabajo",
        ),
    ),
    Entry(
        "UNICEF",
        "organisation",
        (
            "UNICEF", "United Nations Children's Fund",
            "Fondo de las Naciones Unidas para la Infancia",
        ),
    ),
    Entry(
        "UNDP",
        "organisation",
        (
            "UNDP", "PNUD", "United Nations Development Programme",
            "United Nations Development Program",
            "Programa de las Naciones Unidas para el Desarrollo",
        ),
    ),
    Entry(
        "UNODC",
        "organisation",
        (
            "UNODC", "ONUDD", "United Nations Office on Drugs and Crime",
            "Oficina de las Naciones Unidas contra la Droga y el Delito",
        ),
    ),
    Entry(
        "PAHO",
        "organisation",
        (
            "PAHO", "OPS", "Pan American Health Organization",
            "Organización Panamericana de la Salud",
        ),
    ),
    Entry(
        "RNCOM",
        "organisation",
        (
            "RNCOM", "RROCM", "Regional Network for Civil Organizations on Migration",
            "Regional Network of Civil Organizations on Migration",
            "Regional Network for Civil Society Organizations on Migration",
            "Red Regional de Organizaciones Civiles para las Migraciones",
            "Red Regional de Organizaciones Civiles para la Migración",
            "civil society network", "red de la sociedad civil",
            _r(r"\b(?:rncom|rrocm)(?:'s)? (?:technical|executive) secretariat"),
            _r(r"\bsecretaria (?:tecnica|ejecutiva) de la (?:rrocm|rncom)"),
        ),
    ),
    Entry(
        "SACM",
        "organisation",
        (
            "SACM", "CSM", "South American Conference on Migration",
            "South American Conference on Migrations", "Conferencia Suramericana sobre Migraciones",
            "Conferencia Sudamericana sobre Migraciones", "Conferencia Sudamericana de Migraciones",
            "Conferencia Suramericana de Migraciones",
            # Another conference's presidency and secretariat are that conference.
            _r(rf"\bpresiden(?:cy|cia) pro[\s-]*tempore (?:of the|de la) {_SACM_NAMES}"),
            _r(rf"\b(?:technical|executive) secretariat of the {_SACM_NAMES}"),
        ),
    ),
    Entry(
        "OCAM",
        "organisation",
        (
            "OCAM", "Central American Commission of Migration Directors",
            "Central American Commission of Directors of Migration",
            "Comisión Centroamericana de Directores de Migración",
        ),
    ),
    Entry(
        "UNAM",
        "organisation",
        (
            "UNAM", "National Autonomous University of Mexico",
            "Universidad Nacional Autónoma de México",
        ),
    ),
    Entry(
        "MIRPS",
        "organisation",
        (
            "MIRPS", "Comprehensive Regional Protection and Solutions Framework",
            "Marco Integral Regional para la Protección y Soluciones",
        ),
    ),
    Entry(
        "TS",
        "organisation",
        (
            "Technical Secretariat", "Executive Secretariat", "Technical Secretariats",
            "Secretaría Técnica", "Secretaría Ejecutiva", "TS", "RCM-ES", "RCM-TS", "ST-CRM",
            "SE-CRM", "CRM-ST", "CRM-SE", "Technical Support Unit",
            # Two-letter acronyms that are also Spanish or English words: capitals only, and
            # each only in its own language.
            Alias("ES", language="en", case_sensitive=True),
            Alias("ST", language="es", case_sensitive=True),
            Alias("SE", language="es", case_sensitive=True),
        ),
    ),
    Entry(
        "PPT",
        "organisation",
        (
            "PPT", "Presidency Pro-Tempore", "Presidency Pro Tempore", "Pro-Tempore Presidency",
            "Pro Tempore Presidency", "Presidencia Pro-Tempore", "Presidencia Pro Tempore",
            "Presidencia Pro-Témpore",
            # Its name until the VI RCM (2001) decided on "Presidencia Pro-Témpore".
            "Secretaría Pro-Témpore", "Secretaría Pro Tempore", "Pro-Tempore Secretariat",
            "Pro Tempore Secretariat",
        ),
    ),
    Entry(
        "RCGM",
        "organisation",
        (
            "RCGM", "GRCM", "Regional Consultation Group on Migration",
            "Regional Consultation Group", "Grupo Regional de Consulta sobre Migración",
            "Grupo Regional de Consulta sobre Migraciones", "Grupo Regional de Consulta",
        ),
    ),
    Entry(
        "VMM",
        "organisation",
        (
            "Reunión de Viceministros",
            _r(r"\bvice[\s-]*minist(?:ers?|erial(?: meetings?)?)\b"),
            _r(r"\b(?:reunion(?:es)? )?vice[\s-]*ministeriale?s?\b"),
            _r(
                r"\b(?:las |los )?vice[\s-]*ministr[oa]s"
                r"(?: y (?:las |los )?vice[\s-]*ministr[oa]s)?\b"
            ),
            _r(r"\b(?:\(as\) )?vice[\s-]*ministros\(as\)"),
        ),
    ),
    Entry(
        "LN-CP",
        "organisation",
        (
            "Consular Protection Network", "Network for Consular Protection",
            "Red de Protección Consular",
            _r(_LN + r" networks? (?:for|on) consular protection"),
            _r(
                r"\bred(?: de funcionari[oa]s de enlace)? (?:para|de|sobre|en materia de) (?:la )?"
                r"proteccion consular"
            ),
        ),
    ),
    Entry(
        "LN-SMTP",
        "organisation",
        (
            "Network to Combat Migrant Smuggling and Trafficking in Persons",
            _r(
                _LN + r" networks? (?:to combat|against|for (?:the )?combat(?:ing)? (?:of )?|on"
                r"|for the prevention of)\s*(?:migrant smuggling|(?:the )?trafficking|smuggling)"
                r"[\w\s,]{0,60}?(?:persons|migrants)"
            ),
            _r(
                r"\bred(?:es)? de funcionari[oa]s de enlace (?:para|contra|de|sobre) (?:el |la )?"
                r"(?:combate (?:al|a la|del|de la) |combatir (?:el|la) |lucha contra (?:el|la) )?"
                r"(?:trafico|trata)[\w\s,]{0,70}?(?:personas|migrantes)"
                # "… Tráfico Ilícito de Migrantes y la Trata de Personas": both, whole.
                r"(?: y (?:la |el )?(?:trata|trafico)(?: ilicito)? de (?:personas|migrantes))?"
            ),
        ),
    ),
    Entry(
        "LN-CHILD",
        "organisation",
        (
            _r(
                r"\b(?:liaison officers?'? )?network (?:for|on) the protection of (?:migrant )?"
                r"(?:girls|boys|children)[\w\s,]{0,50}?(?:adolescents|children|migrants)\b"
            ),
            _r(
                r"\bred (?:de funcionari[oa]s de enlace )?(?:para|de|sobre) la proteccion "
                r"(?:integral )?de (?:la )?(?:ninas|ninos|ninez)[\w\s,]{0,50}?"
                r"(?:adolescentes|migrantes)\b"
            ),
        ),
    ),
    Entry(
        "WG-LM",
        "organisation",
        (
            _r(r"\bworking group on (?:labou?r migration|labou?r mobility)"),
            _r(r"\blabou?r migration working group"),
            _r(r"\bgrupo de trabajo (?:sobre|de|en) (?:migracion|movilidad) laboral"),
        ),
    ),
    Entry(
        "WG-IMM",
        "organisation",
        (
            _r(
                r"\bworking group on (?:irregular and mass(?:ive)? migration"
                r"|mass(?:ive)? and irregular migration)"
            ),
            _r(
                r"\bgrupo de trabajo (?:sobre|de|en) migracion (?:irregular y masiva"
                r"|masiva e irregular)"
            ),
        ),
    ),
    Entry(
        "WG-PROT",
        "organisation",
        (
            _r(r"\bworking group on (?:international )?protection\b"),
            _r(r"\bprotection working group"),
            _r(r"\bgrupo de trabajo (?:sobre|de|en) proteccion\b"),
        ),
    ),
    Entry(
        "WG-BM",
        "organisation",
        (
            _r(r"\bworking group on (?:migration and )?border management"),
            _r(r"\bborder management working group"),
            _r(r"\bgrupo de trabajo (?:sobre|de|en) gestion (?:fronteriza|de fronteras)"),
        ),
    ),
    Entry(
        "AHG-RNCOM",
        "organisation",
        (
            _r(r"\bad[\s-]*hoc (?:working )?group (?:rcm|crm)\s*-?\s*(?:rncom|rrocm)"),
            _r(r"\bad[\s-]*hoc (?:rcm|crm)\s*-?\s*(?:rncom|rrocm) (?:working )?group"),
            _r(r"\b(?:rcm|crm)\s*-?\s*(?:rncom|rrocm) ad[\s-]*hoc (?:working )?group"),
            _r(r"\bgrupo (?:de trabajo )?ad[\s-]*hoc (?:crm|rcm)\s*-?\s*(?:rrocm|rncom)"),
        ),
    ),
    Entry(
        "AHG-EXTRA",
        "organisation",
        (
            _r(
                r"\bad[\s-]*hoc (?:working )?group[^.;:]{0,140}?extra[\s-]*"
                r"(?:continental|regional)"
            ),
            _r(
                r"\bgrupo (?:de trabajo )?ad[\s-]*hoc[^.;:]{0,140}?extra[\s-]*"
                r"(?:continental|rregional|regional)"
            ),
        ),
    ),
    Entry(
        "RCATP",
        "organisation",
        (
            _r(
                r"\bregional coalition against (?:trafficking in persons|human trafficking"
                r"|the trafficking of persons)(?: and (?:migrant )?smuggling(?: of migrants)?)?"
            ),
            _r(
                r"\bcoalicion regional contra la trata de personas"
                r"(?: y (?:el )?trafico ilicito de migrantes)?"
            ),
        ),
    ),
)  # fmt: skip

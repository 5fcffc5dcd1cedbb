"""The themes of the conference's Plan of Action, and the themes each agreement is on."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Func, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rcm.models import Bilingual, source


def plan_order(prefix: str = ""):
    """The Plan of Action's own order of theme codes: 2.2.9 before 2.2.10, 3.9 before 3.10
    (the codes' text order puts them the other way round)."""
    parts = Func(F(f"{prefix}code"), Value("."), function="string_to_array")
    return Cast(parts, ArrayField(models.IntegerField()))


class ThemeQuerySet(models.QuerySet):
    def in_plan_order(self):
        return self.order_by(plan_order())

    def visible_to(self, user_or_access):
        """Every reader sees the themes of the Plan of Action: they are public."""
        return self.all()


class ThemeManager(models.Manager.from_queryset(ThemeQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Theme(Bilingual, models.Model):
    """A theme or subtopic of the conference's Plan of Action."""

    code = models.CharField(
        _("code"),
        max_length=10,
        unique=True,
        validators=[RegexValidator(r"^\d+(\.\d+)*$", _("Numbers separated by dots, as 2.2.10."))],
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="subtopics"
    )
    source = source()

    objects = ThemeManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("Plan of Action theme")
        verbose_name_plural = _("Plan of Action themes")

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"

    def natural_key(self):
        return (self.code,)


class AgreementTheme(models.Model):
    """A Plan of Action theme an agreement is on: suggested from its text (themes_suggest) until
    TS staff confirm it; a theme TS staff add themselves is confirmed."""

    agreement = models.ForeignKey("Agreement", on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="agreement_links")
    suggested = models.BooleanField(
        _("suggested"),
        default=False,
        help_text=_("Suggested from the text; TS staff have not confirmed it yet."),
    )
    # Who suggested or confirmed each theme; the agreement's own history keeps the set of its
    # themes (m2m_fields) under the name HistoricalAgreementTheme.
    history = HistoricalRecords(custom_model_name="HistoricalAgreementThemeLink")

    class Meta:
        # The table of the plain many-to-many it replaces (migration 0010).
        db_table = "agreements_agreement_themes"
        unique_together = [("agreement", "theme")]
        ordering = ["agreement", "theme"]
        verbose_name = _("theme of an agreement")
        verbose_name_plural = _("themes of agreements")

    def __str__(self) -> str:
        return f"{self.agreement}: {self.theme.code}"

"""The apps import downwards only: the import-linter contract of pyproject.toml, as `make lint`
runs it, so that `make test` guards it too."""

from pathlib import Path

from django.conf import settings
from importlinter.cli import lint_imports


def test_apps_import_only_downwards(capsys):
    exit_code = lint_imports(
        config_filename=str(Path(settings.BASE_DIR) / "pyproject.toml"), no_cache=True, no_logo=True
    )

    assert exit_code == 0, capsys.readouterr().out

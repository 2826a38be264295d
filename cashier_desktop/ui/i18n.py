"""The workstation's language (English or Hindi): Qt translators, the Devanagari font.

Dates and amounts read the same in both languages (domain/formatting.py: ISO dates, ₹ with
Indian grouping), so nothing here formats them.

Every visible string goes through Qt's own tools (`self.tr()` or
`QCoreApplication.translate`); `pyside6-lupdate` collects them into
`resources/i18n/cashier_<lang>.ts` (committed); the `.qm` Qt loads is compiled from it by the
install (setup.py, `make translations`) or, if missing or older than the `.ts`, at first run
into the user cache directory. The Devanagari font ships under resources/fonts (OFL), so a
fresh machine shows Hindi without any system font.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator, QT_TRANSLATE_NOOP
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from .. import resources
from ..domain.kinds import Kind

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "hi": "हिन्दी"}  # each named in its own language (the login's choice)
LOCALES = {"en": QLocale(QLocale.English, QLocale.India), "hi": QLocale(QLocale.Hindi, QLocale.India)}
FONT_FILE = ("fonts", "Lohit-Devanagari.ttf")

_state: dict = {"language": "en", "translator": None, "font_family": None}

# Kind labels come from domain/ (no Qt there); these marks let lupdate collect them.
_KIND_LABELS = [QT_TRANSLATE_NOOP("Kind", "Deposit"), QT_TRANSLATE_NOOP("Kind", "Withdrawal"),
                QT_TRANSLATE_NOOP("Kind", "Marker issue"), QT_TRANSLATE_NOOP("Kind", "Marker redemption"),
                QT_TRANSLATE_NOOP("Kind", "Credit line"), QT_TRANSLATE_NOOP("Kind", "Reversal"),
                QT_TRANSLATE_NOOP("Kind", "Adjustment (in)"), QT_TRANSLATE_NOOP("Kind", "Adjustment (out)")]


def kind_name(kind: Kind | str) -> str:
    """The kind's label in the current language."""
    try:
        label = Kind(kind).label
    except ValueError:
        return str(kind)
    return QCoreApplication.translate("Kind", label)


def current_language() -> str:
    return _state["language"]


def locale() -> QLocale:
    return LOCALES[_state["language"]]


def _lrelease() -> str | None:
    import PySide6
    exe = Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if exe.exists():
        return str(exe)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_translation(ts: Path, qm: Path) -> Path:
    """`.ts` → `.qm` with Qt's lrelease (what the install and `make translations` run)."""
    tool = _lrelease()
    if tool is None:
        raise FileNotFoundError("Qt's lrelease is missing (it comes with PySide6); reinstall the program.")
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=120)
    return qm


def qm_path(language: str) -> Path:
    """The compiled translation: shipped beside the `.ts` if current, else built into the cache."""
    ts = resources.resource_path("i18n", f"cashier_{language}.ts")
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (shipped.stat().st_mtime >= ts.stat().st_mtime or _lrelease() is None):
        return shipped  # an installed program's (a bundle has no lrelease: use what it carries)
    import platformdirs
    cached = Path(platformdirs.user_cache_dir("cashier-desktop")) / "i18n" / shipped.name
    if not cached.exists() or cached.stat().st_mtime < ts.stat().st_mtime:
        compile_translation(ts, cached)
    return cached


def load_font() -> str | None:
    """Register the shipped Devanagari font once; its family name (None if it cannot load)."""
    if _state["font_family"] is None:
        font_id = QFontDatabase.addApplicationFont(str(resources.resource_path(*FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _state["font_family"] = families[0] if families else ""
        if not families:
            log.warning("the Devanagari font %s could not be loaded", "/".join(FONT_FILE))
    return _state["font_family"] or None


def set_language(language: str) -> None:
    """Install `language`'s translator on the running application (windows made afterwards,
    and those that handle `LanguageChange`, show it). English needs no translator."""
    if language not in LANGUAGES:
        raise ValueError(language)
    app = QCoreApplication.instance()
    old = _state["translator"]
    if old is not None and app is not None:
        app.removeTranslator(old)
    _state["translator"] = None
    if language != "en" and app is not None:
        translator = QTranslator(app)
        if not translator.load(str(qm_path(language))):
            raise FileNotFoundError(f"The {LANGUAGES[language]} translation could not be loaded.")
        app.installTranslator(translator)
        _state["translator"] = translator
    _state["language"] = language
    QLocale.setDefault(LOCALES[language])
    if language == "en":
        restore_font()
    else:
        install_font()


def install_font() -> None:
    """Devanagari from the shipped font behind the usual one (Hindi only: as a fallback it
    makes every line two pixels taller, which an English layout need not pay)."""
    app = QCoreApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    family = load_font()
    font = QFont(app.font())
    if family and family not in font.families():
        _state.setdefault("base_font", QFont(app.font()))
        families = font.families() or [font.family()]
        font.setFamilies(families + [family])  # Latin from the usual font, Devanagari from ours
        app.setFont(font)


def restore_font() -> None:
    """The application's own font again (after Hindi): English windows measure as before."""
    app = QCoreApplication.instance()
    base = _state.pop("base_font", None)
    if isinstance(app, QGuiApplication) and base is not None:
        app.setFont(base)

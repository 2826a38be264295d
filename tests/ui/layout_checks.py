"""Checks a cage PC's screen is fair to: text fits its widget, the window fits the screen, and
text is readable (WCAG contrast ≥ 4.5:1) — measured on what Qt actually draws.

`problems(window, screen)` returns one sentence per problem (an empty list is a pass), so a
failing test names every clipped label at once. Contrast is read from a `grab()` of the whole
window (a label's own palette lies when a parent's stylesheet paints its background): the
background is the crop's most common colour, the text the colour that differs most from it.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QImage, QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QCheckBox, QLabel, QLineEdit, QPushButton,
                               QWidget)

SCREENS = {"1366x768": QSize(1366, 768), "1920x1080": QSize(1920, 1080)}
# A window's frame, its title bar and the taskbar take this much of the screen's height.
DECORATION = QSize(0, 72)
MIN_CONTRAST = 4.5


def relative_luminance(rgb: int) -> float:
    """WCAG 2.x relative luminance of a 0xRRGGBB colour."""
    def channel(c: int) -> float:
        s = c / 255.0
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: int, b: int) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _pixels(image: QImage, rect: QRect) -> list[int]:
    crop = image.copy(rect).convertToFormat(QImage.Format_RGB32)
    raw = bytes(crop.constBits())[: crop.sizeInBytes()]
    width, height, stride = crop.width(), crop.height(), crop.bytesPerLine()
    out: list[int] = []
    for y in range(height):
        row = raw[y * stride: y * stride + width * 4]
        out.extend(int.from_bytes(row[i:i + 4], "little") & 0xFFFFFF for i in range(0, len(row), 4))
    return out


def measured_contrast(image: QImage, rect: QRect) -> float:
    """Contrast of the drawn text in `rect` of a window grab against its background."""
    pixels = _pixels(image, rect)
    if not pixels:
        return 21.0
    background = Counter(pixels).most_common(1)[0][0]
    return max(contrast_ratio(background, p) for p in set(pixels))


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _might_be_rich(text: str) -> bool:
    from PySide6 import QtGui
    return bool(QtGui.Qt.mightBeRichText(text))


def _label_needs(label: QLabel, width: int) -> QSize:
    """The size `label`'s text needs at `width` (word wrap and rich text considered)."""
    text = label.text()
    rich = label.textFormat() == Qt.RichText or (label.textFormat() == Qt.AutoText and _might_be_rich(text))
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(width)
        return QSize(int(doc.idealWidth() + 0.999), int(doc.size().height() + 0.999))
    fm = QFontMetrics(label.font())
    flags = Qt.TextWordWrap if label.wordWrap() else 0
    box = fm.boundingRect(QRect(0, 0, width if label.wordWrap() else 100000, 100000),
                          int(flags | Qt.TextShowMnemonic), text)
    return box.size()


def fit_problem(widget: QWidget) -> str | None:
    """Why `widget`'s text does not fit in its rectangle, or None when it does."""
    if isinstance(widget, QLabel) and getattr(widget, "elides", False):
        # It fits by eliding; then the whole text must be one hover away.
        if widget.shown_text() != widget.text() and widget.toolTip() != widget.text():
            return f"label {_name(widget)} {widget.text()[:60]!r} is cut without its whole text in the tooltip"
        return None
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text.strip() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return None
        rect = widget.contentsRect()
        margin = widget.margin() * 2 + max(widget.indent(), 0)
        avail = QSize(rect.width() - margin, rect.height() - widget.margin() * 2)
        if _might_be_rich(text) or widget.textFormat() == Qt.RichText:
            # Rich text is laid out by the label's own document: ask the label.
            need_h = widget.heightForWidth(widget.width()) if widget.wordWrap() else widget.sizeHint().height()
            need_w = widget.width() if widget.wordWrap() else widget.sizeHint().width()
            if need_h > widget.height() + 1 or need_w > widget.width() + 1:
                return (f"label {_name(widget)} {text[:60]!r} needs {need_w}×{need_h} "
                        f"but has {widget.width()}×{widget.height()}")
            return None
        need = _label_needs(widget, avail.width())
        if need.width() > avail.width() + 1 or need.height() > avail.height() + 1:
            return (f"label {_name(widget)} {text[:60]!r} needs {need.width()}×{need.height()} "
                    f"but has {avail.width()}×{avail.height()}")
        return None
    if isinstance(widget, QLineEdit) and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
        # A squeezed box loses its border first (the amount box did when a refusal showed):
        # it needs its text's height and a border above and below.
        need = QFontMetrics(widget.font()).height() + 6
        if widget.height() < need:
            return f"box {_name(widget)} is {widget.height()} px high, needs {need} (its border is cut)"
        return None
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox
        opt = QStyleOptionComboBox()
        widget.initStyleOption(opt)  # the style adds frame, padding and the arrow
        fm = QFontMetrics(widget.font())
        need = widget.style().sizeFromContents(QStyle.CT_ComboBox, opt,
                                               QSize(fm.horizontalAdvance(text), fm.height()), widget).width()
        if text and widget.width() < need:
            return f"choice {_name(widget)} {text!r} needs {need} px but has {widget.width()}"
        return None
    if isinstance(widget, QAbstractButton) and isinstance(widget, (QPushButton, QCheckBox)):
        text = _plain(widget.text())
        if not text:
            return None
        need = widget.sizeHint()
        if widget.width() < need.width() or widget.height() < min(need.height(), 24):
            return (f"button {_name(widget)} {text!r} needs {need.width()}×{need.height()} "
                    f"but has {widget.width()}×{widget.height()}")
    return None


def _name(w: QWidget) -> str:
    return w.objectName() or w.accessibleName() or type(w).__name__


def _shown(w: QWidget, window: QWidget) -> bool:
    if not w.isVisibleTo(window) or w.width() <= 0 or w.height() <= 0:
        return False
    # Inside a scroll area or a hidden tab page the widget is not on screen: skip it.
    top_left = w.mapTo(window, w.rect().topLeft())
    return window.rect().intersects(QRect(top_left, w.size()))


def text_widgets(window: QWidget) -> list[QWidget]:
    """The text widgets drawn in `window` (a dialog parented to it is a window of its own: it is
    measured on its own grab, not on this one's)."""
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, (QLabel, QPushButton, QCheckBox, QLineEdit, QComboBox)) and w.window() is window
            and _shown(w, window)]


def size_problem(window: QWidget, screen: QSize) -> str | None:
    """Why `window` cannot be shown whole on `screen`, or None."""
    usable = screen - DECORATION
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > usable.width() or need.height() > usable.height():
        return (f"window {_name(window)} needs at least {need.width()}×{need.height()}, "
                f"the screen leaves {usable.width()}×{usable.height()}")
    return None


def problems(window: QWidget, screen: QSize) -> list[str]:
    """Every size, fit and contrast problem of `window` as it is laid out now on `screen`."""
    found = []
    size = size_problem(window, screen)
    if size:
        found.append(size)
    usable = screen - DECORATION
    if window.width() > usable.width() or window.height() > usable.height():
        found.append(f"window {_name(window)} is {window.width()}×{window.height()}, "
                     f"the screen leaves {usable.width()}×{usable.height()}")
    QApplication.processEvents()
    image = window.grab().toImage()
    scale = image.width() / max(window.width(), 1)
    for w in text_widgets(window):
        why = fit_problem(w)
        if why:
            found.append(why)
        if isinstance(w, (QLineEdit, QComboBox)):
            continue
        text = _plain(w.text()).strip()
        if not text or (not w.isEnabled() and isinstance(w, QAbstractButton)):
            continue
        top_left = w.mapTo(window, w.contentsRect().topLeft())
        rect = QRect(int(top_left.x() * scale), int(top_left.y() * scale),
                     int(w.contentsRect().width() * scale), int(w.contentsRect().height() * scale))
        ratio = measured_contrast(image, rect)
        if ratio < MIN_CONTRAST:
            found.append(f"{type(w).__name__} {_name(w)} {text[:60]!r}: contrast {ratio:.2f}:1 < {MIN_CONTRAST}:1")
    return found


def maximise(window: QWidget, screen: QSize) -> None:
    """Give a main window the size a maximised window gets on `screen` (never below its minimum)."""
    window.resize(screen - DECORATION)
    QApplication.processEvents()

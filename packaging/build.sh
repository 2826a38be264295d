#!/usr/bin/env bash
# Build everything an installation needs, into dist/:
#   dist/cashier_desktop-<v>.tar.gz and -py3-none-any.whl   (pip install; carries resources/)
#   dist/cashier-desktop/                                     (PyInstaller one-folder app)
#   dist/cashier-desktop-<v>-linux-<arch>.tar.gz             (that folder + install-linux.sh)
# Needs the `package` extra: pip install -e ".[package]". PYTHON overrides the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
VERSION=$("$PYTHON" -c 'import cashier_desktop; print(cashier_desktop.__version__)')

# The compiled translations (.qm) Qt loads, from resources/i18n/*.ts: the bundle carries them.
"$PYTHON" -c "from pathlib import Path; from cashier_desktop.ui.i18n import compile_translation as c; \
[c(t, t.with_suffix('.qm')) for t in Path('resources/i18n').glob('*.ts')]"
"$PYTHON" -m build --no-isolation --outdir dist .
"$PYTHON" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/cashier-desktop.spec

APP=dist/cashier-desktop
cp packaging/install-linux.sh packaging/cashier-relay.service README.md "$APP/"
"$APP/cashier-desktop" --version
"$APP/cashier-desktop" config sample > /dev/null

ARCHIVE="dist/cashier-desktop-$VERSION-linux-$(uname -m).tar.gz"
tar -C dist -czf "$ARCHIVE" cashier-desktop
echo "built: dist/*.whl, $APP/, $ARCHIVE"

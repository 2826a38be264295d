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

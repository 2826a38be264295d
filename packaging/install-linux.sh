#!/usr/bin/env bash
# Install the one-folder cashier-desktop on a Linux PC (run as root from the unpacked folder).
#
#   ./install-linux.sh            a cage terminal: /opt/cashier-desktop, the menu entry and icon,
#                                 /etc/cashier-desktop/config.toml (from the sample, if absent),
#                                 /var/lib/cashier-desktop for the journal (0700, owned by the
#                                 counter's OS account: --terminal-user NAME, default "cashier")
#   ./install-linux.sh --relay    also the relay service (user cashier-relay, systemd unit)
#
# DESTDIR=/some/root installs into a staging tree instead (no users, no systemctl).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/opt/cashier-desktop}
RELAY=0
TERMINAL_USER=cashier
while [ $# -gt 0 ]; do
    case "$1" in
        --relay) RELAY=1 ;;
        --terminal-user) [ $# -ge 2 ] || { echo "--terminal-user needs an account name" >&2; exit 2; }
                         TERMINAL_USER=$2; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
RES="$HERE/_internal/resources"
[ -x "$HERE/cashier-desktop" ] && [ -d "$RES" ] || { echo "run this from the unpacked cashier-desktop folder" >&2; exit 2; }
real_root=$([ -z "$DESTDIR" ] && echo 1 || echo 0)

# The program.
mkdir -p "$DESTDIR$PREFIX"
cp -a "$HERE/." "$DESTDIR$PREFIX/"
# The command on PATH: the machine-wide configuration unless the caller names another.
mkdir -p "$DESTDIR/usr/local/bin"
cat > "$DESTDIR/usr/local/bin/cashier-desktop" <<WRAPPER
#!/bin/sh
if [ -z "\${CASHIER_CONFIG:-}" ] && [ -f /etc/cashier-desktop/config.toml ]; then
    CASHIER_CONFIG=/etc/cashier-desktop/config.toml; export CASHIER_CONFIG
fi
exec "$PREFIX/cashier-desktop" "\$@"
WRAPPER
chmod 0755 "$DESTDIR/usr/local/bin/cashier-desktop"

# Menu entry and icons.
install -D -m 0644 "$RES/cashier-desktop.desktop" "$DESTDIR/usr/share/applications/cashier-desktop.desktop"
for png in "$RES"/icons/cashier-desktop-*.png; do
    size=$(basename "$png" .png); size=${size##*-}
    install -D -m 0644 "$png" "$DESTDIR/usr/share/icons/hicolor/${size}x${size}/apps/cashier-desktop.png"
done
install -D -m 0644 "$RES/icons/cashier-desktop.svg" "$DESTDIR/usr/share/icons/hicolor/scalable/apps/cashier-desktop.svg"

# Configuration: never overwritten; secrets do not belong in it.
mkdir -p "$DESTDIR/etc/cashier-desktop"
if [ ! -f "$DESTDIR/etc/cashier-desktop/config.toml" ]; then
    install -m 0644 "$RES/config.sample.toml" "$DESTDIR/etc/cashier-desktop/config.toml"
fi
# One journal per PC. It holds offline PIN verifiers and unsent postings, so it is private to
# the one OS account the counter runs under (0700; the program keeps the file 0600): cashiers
# identify themselves to the terminal with their staff PIN, not with an OS account of their own.
mkdir -p -m 0700 "$DESTDIR/var/lib/cashier-desktop"
chmod 0700 "$DESTDIR/var/lib/cashier-desktop"
if [ "$real_root" = 1 ]; then
    getent passwd "$TERMINAL_USER" >/dev/null || useradd --create-home --shell /bin/bash "$TERMINAL_USER"
    chown "$TERMINAL_USER": /var/lib/cashier-desktop
    command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
fi

if [ "$RELAY" = 1 ]; then
    install -D -m 0644 "$HERE/cashier-relay.service" "$DESTDIR/etc/systemd/system/cashier-relay.service"
    [ -f "$DESTDIR/etc/cashier-desktop/relay.toml" ] || install -m 0644 "$RES/config.sample.toml" "$DESTDIR/etc/cashier-desktop/relay.toml"
    if [ ! -f "$DESTDIR/etc/cashier-desktop/relay.env" ]; then
        umask 077
        printf '%s\n' "# secrets of the relay service (mode 0600)" "CASHIER_LEDGER_PASSWORD=" "CASHIER_PUSHER_SECRET=" \
            > "$DESTDIR/etc/cashier-desktop/relay.env"
    fi
    if [ "$real_root" = 1 ]; then
        getent passwd cashier-relay >/dev/null || useradd --system --home /var/lib/cashier-relay \
            --shell /usr/sbin/nologin cashier-relay
        chown root:root /etc/cashier-desktop/relay.env && chmod 0600 /etc/cashier-desktop/relay.env  # systemd reads it as root
        systemctl daemon-reload
        echo "relay: edit /etc/cashier-desktop/relay.toml and relay.env, then: systemctl enable --now cashier-relay"
    fi
fi
echo "installed into ${DESTDIR}${PREFIX}; edit /etc/cashier-desktop/config.toml, then run: cashier-desktop selfcheck"

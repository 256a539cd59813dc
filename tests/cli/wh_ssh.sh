#!/bin/sh
# The warehouse over SSH, as a handheld reaches it: a real sshd on
# localhost (its own host key, config and port, run as the current user)
# whose ForceCommand runs only `comptoir warehouse` on the test shop; an
# ssh client with a key of its own, in a 20x16 tmux window, logs in on the
# screens and receives a scan, which the database then holds. Skipped, with
# the reason, when sshd or ssh is missing or cannot start here.
WH_UI_DIR="$(dirname "$0")/../ui"
. "$WH_UI_DIR/wh_lib.sh"

SSHD_BIN=${SSHD_BIN:-$(command -v sshd || echo /usr/sbin/sshd)}
[ -x "$SSHD_BIN" ] || ui_skip_all "sshd not found (package openssh-server)"
command -v ssh >/dev/null 2>&1 || ui_skip_all "ssh not found (package openssh-client)"
command -v ssh-keygen >/dev/null 2>&1 || ui_skip_all "ssh-keygen not found"
# As root, sshd wants its privilege separation folder (made at boot by the
# system's sshd service, which this test does not use).
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd 2>/dev/null && chmod 755 /run/sshd ||
		ui_skip_all "sshd as root needs /run/sshd, which cannot be made"
fi

wh_setup
SSHD_PID=
wh_ssh_cleanup() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null
	ui_cleanup
}
trap wh_ssh_cleanup EXIT

S=$UI_TMP/ssh
mkdir -m 700 "$S"
ssh-keygen -q -t ed25519 -N '' -f "$S/host_key" || ui_bail "ssh-keygen (host) failed"
ssh-keygen -q -t ed25519 -N '' -f "$S/user_key" || ui_bail "ssh-keygen (user) failed"
cp "$S/user_key.pub" "$S/authorized_keys"
me=$(id -un)
row=$(wh_purchase_item) || ui_bail "cannot read the demo shop"
row=${row%%|*}
wh_purchase

# The port: one of a few, the first where sshd stays up.
started=no
for port in $((20000 + $$ % 20000)) $((21000 + $$ % 20000)) $((22000 + $$ % 20000)); do
	cat >"$S/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $S/host_key
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
AllowUsers $me
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PermitUserEnvironment no
X11Forwarding no
AllowTcpForwarding no
ForceCommand env LANG=C.UTF-8 COMPTOIR_DB='$DB' '$WH_REAL' warehouse --db '$DB'
LogLevel ERROR
EOF
	"$SSHD_BIN" -t -f "$S/sshd_config" >"$S/check.out" 2>&1 ||
		ui_skip_all "sshd refuses the test config: $(head -n 1 "$S/check.out")"
	"$SSHD_BIN" -f "$S/sshd_config" -D -e -p "$port" 2>"$S/sshd.err" &
	SSHD_PID=$!
	i=0
	while [ $i -lt 50 ] && kill -0 "$SSHD_PID" 2>/dev/null; do
		ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
			-o ConnectTimeout=2 -i "$S/user_key" -p "$port" -T "$me@127.0.0.1" \
			</dev/null >/dev/null 2>"$S/probe.err"
		grep -q -i -e refused -e "timed out" "$S/probe.err" || { started=yes; break; }
		sleep 0.1
		i=$((i + 1))
	done
	[ $started = yes ] && break
	kill "$SSHD_PID" 2>/dev/null
	wait "$SSHD_PID" 2>/dev/null
	SSHD_PID=
done
[ $started = yes ] || ui_skip_all "sshd cannot run here: $(head -n 1 "$S/sshd.err")"

# The handheld: the ssh client in the window, its arguments ignored.
printf '#!/bin/sh\nexec ssh -tt -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -i "%s" -p %s "%s@127.0.0.1"\n' \
	"$S/user_key" "$port" "$me" >"$UI_TMP/handheld"
chmod +x "$UI_TMP/handheld"
COMPTOIR=$UI_TMP/handheld
wh_start 20x16 TERM=vt220

ui_check "over ssh: the warehouse log-in shows" ui_wait_for "User:" 20
ui_check "over ssh: dario logs in" wh_login dario 4444
ui_check "over ssh: the menu" ui_wait_for "1 Receive"
ui_type 1
ui_wait_for "Purchase no.:" >/dev/null
wh_typed "$po"
ui_check "over ssh: the purchase opens" ui_wait_for "Receive PO $po"
wh_scan "$row"
ui_check "over ssh: the quantity is asked" ui_wait_for "Qty [6]:"
ui_keys Enter
ui_check "over ssh: received" ui_wait_for "Received 6"
ui_check "over ssh: the database holds the receipt" \
	test "$(wh_sql "SELECT sum(qty) FROM stock_moves WHERE reason = 'receive'")" = 6
ui_keys F10
ui_wait_for "1 Receive" >/dev/null
ui_keys Escape
ui_check "over ssh: Esc on the menu ends the session" ui_wait_for "[exit 0]" 20
ui_done

#!/usr/bin/env bash
# End-to-end: real OpenClaw gateway + real @openclaw/whatsapp plugin + our plugin; only Baileys' socket is fake.
set -euo pipefail
LAB=/tmp/openclaw-lab
. $LAB/env.sh
export FAKE_WA_DIR=$(mktemp -d /tmp/fake-wa.XXXX)
export WINGMAN_PROTO_LOG=$FAKE_WA_DIR/plugin.jsonl
export NODE_OPTIONS="--import=$LAB/fake-wa/register.mjs"
t0=$(date +%s%3N)
openclaw gateway run --port 18789 --bind loopback --auth none --verbose > $FAKE_WA_DIR/gw.log 2>&1 &
GW=$!
trap 'kill $GW 2>/dev/null; wait $GW 2>/dev/null || true' EXIT
wait_for() { # file pattern timeout_s
  for _ in $(seq 1 $(( $3 * 5 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "TIMEOUT waiting for '$2' in $1" >&2; return 1; }
wait_for $FAKE_WA_DIR/gw.log "Listening for WhatsApp inbound" 120
echo "whatsapp listening after $(( $(date +%s%3N) - t0 )) ms"
wait_for $FAKE_WA_DIR/sent.jsonl "wingman: service started" 30
echo "service outbound seen after $(( $(date +%s%3N) - t0 )) ms"
inject() { echo "{\"from\":\"$1\",\"text\":\"$2\"}" > $FAKE_WA_DIR/inbox/$(date +%s%N).json; }
t1=$(date +%s%3N); inject 15551234567 "approve foo"
wait_for $FAKE_WA_DIR/sent.jsonl '"approved foo"' 30; echo "approve round-trip $(( $(date +%s%3N) - t1 )) ms"
t1=$(date +%s%3N); inject 15551234567 "/wingman hello"
wait_for $FAKE_WA_DIR/sent.jsonl 'wingman: args=hello' 30; echo "command round-trip $(( $(date +%s%3N) - t1 )) ms"
t1=$(date +%s%3N); inject 15552222222 "/wingman from-nonowner"
wait_for $FAKE_WA_DIR/plugin.jsonl 'from-nonowner' 30 || true; sleep 3; echo "non-owner command after $(( $(date +%s%3N) - t1 )) ms"
inject 15552222222 "approve viaNonOwner"; sleep 4
inject 15559999999 "approve evil"
wait_for $FAKE_WA_DIR/gw.log "Blocked unauthorized sender +15559999999" 30
sleep 1; ! grep -q "approved evil" $FAKE_WA_DIR/sent.jsonl && echo "non-allowlisted sender blocked before hooks"
echo "--- sent.jsonl"; cat $FAKE_WA_DIR/sent.jsonl
echo "--- plugin.jsonl (kinds)"; node -e 'for (const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")) { const j=JSON.parse(l); console.log(j.kind, j.kind==="command"?JSON.stringify({senderId:j.senderId,senderIsOwner:j.senderIsOwner,isAuthorizedSender:j.isAuthorizedSender,args:j.args}):j.kind==="message_received"?JSON.stringify({event:j.event,ctx:j.ctx}).slice(0,400):"") }' $WINGMAN_PROTO_LOG
echo "total $(( $(date +%s%3N) - t0 )) ms; artifacts in $FAKE_WA_DIR"

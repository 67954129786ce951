#!/usr/bin/env bash
# The baseline: how the original shell wingman (master-monitor.sh) watched sessions. Every POLL
# seconds it lists the tmux sessions, captures each pane and greps it for a permission prompt;
# for a prompt not yet notified it captures 50 lines of history for the details and sends the
# notification. Here the notification is a line appended to OUT:
#   <EPOCHREALTIME seconds>\t<session>\t<details>
# (the original then ran a webhook script; that cost is left out, which favours the baseline).
#
# usage: baseline-monitor.sh SOCKET_NAME OUT_FILE [POLL_SECONDS]
set -u
SOCKET="$1"
OUT="$2"
POLL="${3:-5}"

declare -A notified=()

while :; do
  sessions=$(tmux -L "$SOCKET" list-sessions -F '#{session_name}' 2>/dev/null)
  declare -A waiting=()
  for s in $sessions; do
    if tmux -L "$SOCKET" capture-pane -p -t "=$s:" 2>/dev/null | grep -qE 'Do you want|Allow this|y/n/always'; then
      waiting[$s]=1
      details=$(tmux -L "$SOCKET" capture-pane -p -t "=$s:" -S -50 2>/dev/null | grep -oE '(Bash|Write|Edit|Read)\([^)]*\)' | tail -1)
      [ -n "$details" ] || details='Tool execution approval needed'
      if [ "${notified[$s]:-}" != "$details" ]; then
        notified[$s]="$details"
        printf '%s\t%s\t%s\n' "$EPOCHREALTIME" "$s" "$details" >> "$OUT"
      fi
    fi
  done
  # Sessions no longer waiting: a later prompt with the same details is new again.
  for s in "${!notified[@]}"; do
    [ -n "${waiting[$s]:-}" ] || unset 'notified[$s]'
  done
  unset waiting
  sleep "$POLL"
done

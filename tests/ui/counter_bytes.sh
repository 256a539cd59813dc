#!/bin/sh
# What the terminal sends is read byte by byte in the locale's charset: a
# byte that is not text there is dropped alone, with a message, and never
# takes the scan after it; a valid é arrives whole in a UTF-8 locale.  When
# the input ends (no terminal any more), the screens end with status 1.
. "$(dirname "$0")/lib.sh"

ui_setup
sku=BAK-0001
name=$(ui_sql "SELECT name FROM products WHERE sku = '$sku';")
[ -n "$name" ] || ui_bail "no $sku in the demo shop"
name_re=$(ui_re_escape "$name")
# The code as hex bytes for ui_bytes, then Enter (CR).
code_hex=$(printf '%s' "$sku" | od -An -tx1)

# --- C locale on a VT100: no byte past 0x7F is text.
ui_start TERM=vt100 LANG=C LC_ALL=C
ui_wait_for "Code:" >/dev/null

# é as a UTF-8 terminal sends it (c3 a9), the scan right behind it.
ui_bytes c3 a9 $code_hex 0d
ui_check "C locale: é then $sku Enter adds the product" ui_wait_row 2 "^ +1  $name_re"
ui_check "C locale: one line on the ticket" ui_wait_row 20 " 1 line "

# é in Latin-1 (e9) alone: dropped with a message, the field stays empty.
ui_bytes e9
ui_check "C locale: the dropped byte gets a message" ui_wait_row 21 "0xe9"
ui_check "C locale: nothing reaches the code line" ui_row_is 22 "Code: *$"
ui_type "$sku"
ui_keys Enter
ui_check "C locale: the next scan is kept whole" ui_wait_row 2 "^ +2  $name_re"

ui_keys Escape
ui_wait_for "Esc again" >/dev/null
ui_keys Escape
ui_check "C locale: quits with status 0" ui_wait_for "[exit 0]"
ui_stop

# --- UTF-8 locale.
ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_wait_for "Code:" >/dev/null

# A Latin-1 é (e9 is a UTF-8 lead byte that B does not continue).
ui_bytes e9 $code_hex 0d
ui_check "UTF-8: a raw e9 byte then $sku Enter adds the product" ui_wait_row 2 "^ +1  $name_re"
# A lone continuation byte, then a lead byte cut short by the scan.
ui_bytes a9 $code_hex 0d
ui_check "UTF-8: a stray a9 byte does not take the scan" ui_wait_row 2 "^ +2  $name_re"
ui_bytes c3 $code_hex 0d
ui_check "UTF-8: a cut c3 byte does not take the scan" ui_wait_row 2 "^ +3  $name_re"
ui_check "UTF-8: still one line" ui_row_is 20 " 1 line "

ui_bytes c3
ui_check "UTF-8: a byte cut short gets a message" ui_wait_row 21 "0xc3"
ui_type "é"
ui_check "UTF-8: a whole é reaches the code line" ui_wait_row 22 "Code: é *$"
ui_keys C-u
ui_wait_row 22 "Code: *$" >/dev/null

ui_keys F2
ui_wait_for "Name:" >/dev/null
ui_type "créme"
ui_check "UTF-8: the search field shows créme" ui_wait_row 1 "Name: créme *$"
ui_check "UTF-8: créme finds Crème brûlée" ui_wait_for "Crème brûlée"
ui_keys Escape
ui_wait_for "Code:" >/dev/null
ui_keys Escape
ui_wait_for "Esc again" >/dev/null
ui_keys Escape
ui_check "UTF-8: quits with status 0" ui_wait_for "[exit 0]"
ui_stop

# --- No input: the end of the input ends the screens.
UI_STDIN=/dev/null ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "input from /dev/null: ends with status 1 within 5 s" ui_wait_for "[exit 1]" 5
ui_check "with \"the terminal closed\" on stderr" grep -q "terminal closed" "$UI_TMP/stderr"
ui_check "and the terminal modes restored" ui_terminal_restored
ui_stop

UI_STDIN=pipe ui_start LANG=C.UTF-8 LC_ALL=C.UTF-8
ui_check "input from a closed pipe: ends with status 1 within 5 s" ui_wait_for "[exit 1]" 5
ui_check "with \"the terminal closed\" on stderr" grep -q "terminal closed" "$UI_TMP/stderr"

ui_done

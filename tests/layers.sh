#!/bin/sh
# The layering of STYLE.md, checked on the includes of each folder.
. "$top_srcdir/tests/lib/sh-tap.sh"
cd "$top_srcdir" || exit 1

bad=$(grep -lE '#include *[<"](sqlite3|curses|ncurses|ncursesw/curses|libusb|libusb-1.0/libusb|iconv|ini|sodium)\.h' src/core/*.[ch])
is "$bad" "" "src/core includes no I/O library"
bad=$(grep -lE '#include *"\.\./(app|cmd)/|#include *"\.\./\.\./(db|drivers|ui)/' src/core/*.[ch])
is "$bad" "" "src/core includes no other layer"
bad=$(grep -lE '#include *[<"](sqlite3|curses|libusb-1.0/libusb|ini)\.h|#include *"\.\./(app|cmd|core)/|\.\./\.\./(db|drivers|ui)/' src/util/*.[ch])
is "$bad" "" "src/util includes only libc, iconv and Unicode"
bad=$(grep -lE '#include *[<"](curses|libusb-1.0/libusb)\.h|\.\./(drivers|ui)/|src/app/' db/*.[ch])
is "$bad" "" "db/ includes neither curses, USB, drivers nor the app"
bad=$(grep -lE '#include *[<"](sqlite3|curses)\.h|\.\./db/|\.\./ui/|src/app/' drivers/*.[ch])
is "$bad" "" "drivers/ includes neither SQLite, curses, db nor the app"
bad=$(grep -lE '#include *[<"](curses)\.h|\.\./\.\./ui/|\.\./cmd/' src/app/*.[ch])
is "$bad" "" "src/app includes neither curses, the ui nor the command line"
bad=$(grep -lE '#include *[<"](sqlite3|libusb-1.0/libusb|libusb)\.h|\.\./db/|\.\./drivers/' ui/*.[ch])
is "$bad" "" "ui/ talks to neither SQLite, USB, db nor drivers"
done_testing

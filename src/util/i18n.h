/* Translation of the strings people read: _() translates now, N_() marks a
 * string for xgettext whose translation happens where it is shown. */
#ifndef COMPTOIR_I18N_H
#define COMPTOIR_I18N_H

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif

#ifndef N_
#define N_(s) (s)
#endif

#endif

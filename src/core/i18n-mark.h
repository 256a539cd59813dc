/* Marks English strings for translation without translating them: the core
 * has no gettext; xgettext finds N_() and the caller applies _() later. */
#ifndef COMPTOIR_I18N_MARK_H
#define COMPTOIR_I18N_MARK_H

#define N_(s) (s)

#endif

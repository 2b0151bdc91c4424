/* i18n.h - message translation. _("text") is the text in the user's
 * language now; N_("text") only marks it for po/sockshell.pot, for strings
 * in tables that are translated where they are printed (tr()). Without NLS
 * (configure --disable-nls) every text stays as written. It lives in the
 * core because the core marks the texts of its tables (errors.c, consts.c)
 * that the shell translates when it prints them; the core never prints. */
#ifndef SOCKSHELL_I18N_H
#define SOCKSHELL_I18N_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#if ENABLE_NLS
#include <libintl.h>
#define _(text) gettext(text)
#else
#define _(text) ((const char *)(text))
#define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(text) text

/* A marked table field in the user's language. "" stays "": gettext("")
 * would be the catalogue's header. */
static inline const char *tr(const char *text)
{
	return text && *text ? _(text) : text;
}

#endif

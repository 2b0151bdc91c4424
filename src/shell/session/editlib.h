/* editlib.h - the line editor (GNU Readline or libedit), loaded only when
 * stdin and stdout are terminals. Linking it cost every start, a script's
 * and a test's included, about 570 KiB of resident memory (Readline and
 * libtinfo mapped and relocated: idle peak RSS 2588 KiB against 2020 KiB
 * without, /usr/bin/time -f %M); Python too imports readline only in an
 * interactive session. The editor's functions and variables are reached
 * through the table below, filled by dlopen; a file that uses them defines
 * EDITLIB_CALLS before including this, and writes rl_point, add_history
 * and the rest as it would with the library linked.
 *
 * Add a name: one X(name) line in a list below, and its #define at the
 * end. Its type comes from the editor's own header. */
#ifndef SOCKSHELL_EDITLIB_H
#define SOCKSHELL_EDITLIB_H

#include <stddef.h>

#include "config.h"

#if defined(HAVE_READLINE)
#include <stdio.h> /* readline.h needs FILE */
#include <readline/history.h>
#include <readline/readline.h>
#define HAVE_EDITOR 1
#elif defined(HAVE_EDITLINE)
#include <histedit.h>
#include <editline/readline.h>
#define HAVE_EDITOR 1
#endif

#ifdef HAVE_EDITOR
/* Functions and variables both editors have. */
#define EDITLIB_COMMON(X)                                                  \
	X(add_history) X(using_history) X(stifle_history)                  \
	X(rl_callback_handler_install) X(rl_callback_handler_remove)       \
	X(rl_callback_read_char) X(rl_resize_terminal)                     \
	X(rl_readline_name) X(rl_catch_signals) X(rl_catch_sigwinch)       \
	X(rl_attempted_completion_function) X(rl_attempted_completion_over) \
	X(rl_completer_word_break_characters)                              \
	X(rl_basic_word_break_characters) X(rl_line_buffer)                \
	X(rl_completion_append_character)

#if defined(HAVE_READLINE)
#if RL_READLINE_VERSION >= 0x0802
#define EDITLIB_EOF_FOUND(X) X(rl_eof_found)
#else
#define EDITLIB_EOF_FOUND(X)
#endif
#define EDITLIB_OWN(X)                                                     \
	X(rl_bind_key) X(rl_callback_sigcleanup) X(rl_clear_visible_line)  \
	X(rl_complete) X(rl_complete_internal) X(rl_free_line_state)       \
	X(rl_on_new_line) X(rl_redisplay) X(rl_variable_bind)              \
	X(rl_variable_value) X(rl_end) X(rl_point) X(rl_last_func)         \
	EDITLIB_EOF_FOUND(X)
#define EDITLIB_SONAME "libreadline.so." EDITLIB_STR(RL_VERSION_MAJOR)
#else
#define EDITLIB_OWN(X) X(rl_forced_update_display)
#define EDITLIB_SONAME "libedit.so." EDITLIB_STR(LIBEDIT_MAJOR)
#endif
#define EDITLIB_STR(n) EDITLIB_STR2(n)
#define EDITLIB_STR2(n) #n

/* A pointer to each function and to each variable. */
struct edit_lib {
#define EDITLIB_FIELD(name) __typeof__(name) *name;
	EDITLIB_COMMON(EDITLIB_FIELD)
	EDITLIB_OWN(EDITLIB_FIELD)
#undef EDITLIB_FIELD
};

/* Valid once edit_lib_load returned 0. */
extern struct edit_lib edit_lib;

#ifdef EDITLIB_CALLS
#define add_history (*edit_lib.add_history)
#define using_history (*edit_lib.using_history)
#define stifle_history (*edit_lib.stifle_history)
#define rl_callback_handler_install (*edit_lib.rl_callback_handler_install)
#define rl_callback_handler_remove (*edit_lib.rl_callback_handler_remove)
#define rl_callback_read_char (*edit_lib.rl_callback_read_char)
#define rl_resize_terminal (*edit_lib.rl_resize_terminal)
#define rl_readline_name (*edit_lib.rl_readline_name)
#define rl_catch_signals (*edit_lib.rl_catch_signals)
#define rl_catch_sigwinch (*edit_lib.rl_catch_sigwinch)
#define rl_attempted_completion_function (*edit_lib.rl_attempted_completion_function)
#define rl_attempted_completion_over (*edit_lib.rl_attempted_completion_over)
#define rl_completer_word_break_characters (*edit_lib.rl_completer_word_break_characters)
#define rl_basic_word_break_characters (*edit_lib.rl_basic_word_break_characters)
#define rl_line_buffer (*edit_lib.rl_line_buffer)
#define rl_completion_append_character (*edit_lib.rl_completion_append_character)
#if defined(HAVE_READLINE)
#define rl_bind_key (*edit_lib.rl_bind_key)
#define rl_callback_sigcleanup (*edit_lib.rl_callback_sigcleanup)
#define rl_clear_visible_line (*edit_lib.rl_clear_visible_line)
#define rl_complete (*edit_lib.rl_complete)
#define rl_complete_internal (*edit_lib.rl_complete_internal)
#define rl_free_line_state (*edit_lib.rl_free_line_state)
#define rl_on_new_line (*edit_lib.rl_on_new_line)
#define rl_redisplay (*edit_lib.rl_redisplay)
#define rl_variable_bind (*edit_lib.rl_variable_bind)
#define rl_variable_value (*edit_lib.rl_variable_value)
#define rl_end (*edit_lib.rl_end)
#define rl_point (*edit_lib.rl_point)
#define rl_last_func (*edit_lib.rl_last_func)
#define rl_eof_found (*edit_lib.rl_eof_found)
#else
#define rl_forced_update_display (*edit_lib.rl_forced_update_display)
#endif
#endif /* EDITLIB_CALLS */
#endif /* HAVE_EDITOR */

/* Load the editor once. Returns 0, or -1 with ERR (ERRLEN bytes) saying
 * why not (built without one, the library missing, a name missing). */
int edit_lib_load(char *err, size_t errlen);

#endif

#ifndef ACTIONPLAN_CNCURSES_SHIM_H
#define ACTIONPLAN_CNCURSES_SHIM_H
// Wide-character ncurses (ncursesw). These defines must come before the include.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

// Swift 6 rejects mutable C globals (stdscr, LINES, COLS, ESCDELAY) as not concurrency-safe,
// so the backend reaches them through these functions instead.
static inline WINDOW *ap_stdscr(void) { return stdscr; }
static inline int ap_lines(void) { return LINES; }
static inline int ap_cols(void) { return COLS; }
static inline int ap_key_resize(void) { return KEY_RESIZE; }
static inline int ap_err(void) { return ERR; }
static inline int ap_colors(void) { return COLORS; }
#endif

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
#include <string.h>
#include <stdio.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// Swift 6 rejects mutable C globals (stdscr, LINES, COLS, ESCDELAY) as not concurrency-safe,
// so the backend reaches them through these functions instead.
static inline WINDOW *ap_stdscr(void) { return stdscr; }
static inline int ap_lines(void) { return LINES; }
static inline int ap_cols(void) { return COLS; }
static inline int ap_key_resize(void) { return KEY_RESIZE; }
static inline int ap_err(void) { return ERR; }
static inline int ap_colors(void) { return COLORS; }
// Attributes and colour pairs are macros Swift cannot import.
static inline attr_t ap_a_normal(void) { return A_NORMAL; }
static inline attr_t ap_a_bold(void) { return A_BOLD; }
static inline attr_t ap_a_reverse(void) { return A_REVERSE; }
static inline attr_t ap_a_dim(void) { return A_DIM; }
static inline attr_t ap_a_underline(void) { return A_UNDERLINE; }
static inline int ap_attr_set(attr_t attrs, short pair) { return wattr_set(stdscr, attrs, pair, NULL); }
static inline int ap_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ap_key_f(int n) { return KEY_F(n); }

// A screen on the process's stdin/stdout (Swift 6 cannot touch the stdin/stdout globals); NULL on failure.
static inline SCREEN *ap_newterm(void) { return newterm(NULL, stdout, stdin); }

// The terminal's default colours (-1 in init_pair after use_default_colors).
static inline int ap_default_color(void) { return -1; }

// Mouse: wheel only. Returns -1 for wheel up, 1 for wheel down, 0 for anything else.
static inline void ap_mouse_on(void) { mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL); mouseinterval(0); }
static inline int ap_mouse_wheel(void) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    if (event.bstate & BUTTON4_PRESSED) return -1;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 1;
#endif
    return 0;
}

// SIGTERM, SIGHUP and SIGINT set a flag that the event loop checks (a handler may do nothing else
// safely). No SA_RESTART, so a blocked read returns at once.
static volatile sig_atomic_t ap_signal_caught = 0;
static void ap_on_signal(int sig) { ap_signal_caught = sig; }
static inline void ap_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ap_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}
static inline int ap_take_signal(void) { int s = ap_signal_caught; ap_signal_caught = 0; return s; }

// Bracketed paste (ESC[200~ … ESC[201~) arrives as two key codes of our own, above ncurses' keys.
static inline int ap_key_paste_start(void) { return KEY_MAX + 40; }
static inline int ap_key_paste_end(void) { return KEY_MAX + 41; }
static inline void ap_define_paste_keys(void) {
    define_key("\033[200~", KEY_MAX + 40);
    define_key("\033[201~", KEY_MAX + 41);
}
// Written straight to the terminal, outside ncurses' screen model (mode switches such as ESC[?2004h).
static inline void ap_write_terminal(const char *s) { fputs(s, stdout); fflush(stdout); }
static inline void ap_redraw_all(void) { clearok(curscr, TRUE); }

// Job control. The terminal is in raw mode (no IXON: Ctrl-S and Ctrl-Q are keys; no ISIG: Ctrl-Z is
// a key), so suspending is ours to do: restore the terminal, stop as the tty would have stopped us
// (the whole process group, as vim does), and on SIGCONT (fg) come back here.
static volatile sig_atomic_t ap_tstp_caught = 0;
static volatile sig_atomic_t ap_cont_caught = 0;
static void ap_on_tstp(int sig) { (void)sig; ap_tstp_caught = 1; }
static void ap_on_cont(int sig) { (void)sig; ap_cont_caught = 1; }
static inline void ap_install_job_control_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = ap_on_tstp;
    sigaction(SIGTSTP, &sa, NULL);
    sa.sa_handler = ap_on_cont;
    sigaction(SIGCONT, &sa, NULL);
}
static inline int ap_take_tstp(void) { int s = ap_tstp_caught; ap_tstp_caught = 0; return s; }
static inline int ap_take_cont(void) { int s = ap_cont_caught; ap_cont_caught = 0; return s; }
static inline void ap_stop_process_group(void) {
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    sigemptyset(&dfl.sa_mask);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &dfl, &old);
    kill(0, SIGTSTP);
    sigaction(SIGTSTP, &old, NULL); // back here after fg (SIGCONT)
    ap_cont_caught = 0;
}

// The locale's character set name ("UTF-8", "ANSI_X3.4-1968", "ISO-8859-1").
static inline const char *ap_locale_codeset(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL ? codeset : "";
}

// Whether the current locale (after setlocale) encodes text as UTF-8.
static inline int ap_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
#endif

#ifndef QUIRE_CNCURSES_SHIM_H
#define QUIRE_CNCURSES_SHIM_H

// ncursesw with the wide-character API. Only QuireTerminal imports this module.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

// Swift cannot import these macros; small inline wrappers stand in for them.
static inline int quire_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int quire_key_f(int n) { return KEY_F(n); }
static inline int quire_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int quire_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *quire_stdscr(void) { return stdscr; }
static inline unsigned long quire_attr_bold(void) { return A_BOLD; }
static inline unsigned long quire_attr_underline(void) { return A_UNDERLINE; }
static inline unsigned long quire_attr_reverse(void) { return A_REVERSE; }
static inline unsigned long quire_attr_dim(void) { return A_DIM; }
static inline unsigned long quire_attr_italic(void) { return A_ITALIC; }

#endif

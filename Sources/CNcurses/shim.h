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

// Globals Swift 6 cannot read safely, read in C instead.
static inline SCREEN *quire_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
static inline int quire_color_pairs(void) { return COLOR_PAIRS; }

// Mouse masks are function-like macros in ncurses; these name the few the browser uses.
static inline mmask_t quire_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t quire_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t quire_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t quire_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t quire_button5_pressed(void) { return BUTTON5_PRESSED; }

// Draws one grapheme (a NUL-terminated run of wide characters) at a cell with attributes
// and a colour pair; setcchar builds the complex character ncursesw needs.
static inline int quire_draw_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs,
                                  short pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
  return mvwadd_wch(w, y, x, &cell);
}

#endif

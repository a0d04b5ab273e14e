#ifndef QUIRE_CCMARKGFM_SHIM_H
#define QUIRE_CCMARKGFM_SHIM_H

// cmark-gfm and its GFM extensions (tables, autolinks, strikethrough).
// Only QuireMarkdown's CommonMarkConverter imports this module.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#endif

/* text: checks on free text from outside (names, questions, explanations). */
#ifndef JR_CORE_TEXT_H
#define JR_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when `s` is non-empty, shorter than `max_bytes`, valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF) and free of control characters (C0, DEL, C1) and of the
 * invisible format characters that reorder or split text (bidirectional overrides, embeddings,
 * isolates and marks, U+2028/U+2029, the byte-order mark); with `multiline`, line breaks (\n,
 * \r) and tabs are allowed. */
bool jr_text_valid(const char *s, size_t max_bytes, bool multiline);

/* The number of characters (code points) in valid UTF-8 `s`: what a limit in characters, such
 * as an iJw maxLength, counts. */
size_t jr_text_chars(const char *s);

#endif

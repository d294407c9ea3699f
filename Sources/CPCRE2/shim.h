#define PCRE2_CODE_UNIT_WIDTH 8   // pcre2.h has an #error without it; Swift then sees pcre2_compile_8, ...
#include <pcre2.h>

/// `PCRE2_UNSET` is a cast macro Swift cannot import.
static inline size_t CPCRE2_unset(void) { return PCRE2_UNSET; }

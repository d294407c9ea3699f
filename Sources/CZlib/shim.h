#include <zlib.h>

/// `inflateInit2` is a macro; Swift cannot call it. Wraps `inflateInit2_` with this header's version and size.
static inline int CZlib_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED   // Debian's libxml2 pulls system ICU into <libxml/encoding.h>; it clashes with
                            // Foundation's own ICU copy. This only drops two trailing pointer fields of
                            // xmlCharEncodingHandler, which we never touch.
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <string.h>

/// Parses `length` bytes of HTML through `handler`'s SAX callbacks; no tree is built.
///
/// The callbacks receive the parser context as their `ctx` argument; `CLibXML2_state(ctx)` returns `state`.
/// Because no tree is built, libxml2's tree-builder limits (nesting depth 256, 10,000,000-byte text nodes) do not
/// apply: the caller enforces its own byte cap before calling. Returns the context's last error number
/// (`ctxt->errNo`, 0 when none) and sets `*stoppedEarly` when the parser gave up before the end of the input.
/// The context is owned by the caller and must not be used by two threads at once.
static inline int CLibXML2_saxParse(htmlParserCtxtPtr ctxt, const htmlSAXHandler *handler, void *state,
                                    const char *buffer, int length, const char *encoding, int options,
                                    int *stoppedEarly) {
    memcpy(ctxt->sax, handler, sizeof(htmlSAXHandler));
    ctxt->_private = state;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buffer, length, NULL, encoding, options);
    if (doc != NULL) xmlFreeDoc(doc);
    int err = ctxt->errNo;
    *stoppedEarly = ctxt->disableSAX != 0;   // set by fatal errors (memory, xmlStopParser): the rest was not parsed
    ctxt->_private = NULL;
    return err;
}

/// The `state` pointer given to `CLibXML2_saxParse`, from a callback's `ctx`.
static inline void *CLibXML2_state(void *ctx) { return ((htmlParserCtxtPtr)ctx)->_private; }

/// Stops the parser from inside one of its callbacks (`ctx` is the callback's context argument).
static inline void CLibXML2_stop(void *ctx) { xmlStopParser((xmlParserCtxtPtr)ctx); }

/// `XML_SAX2_MAGIC`: a handler marked with it gets parse errors through its `serror` callback.
static const unsigned int CLibXML2_SAX2_MAGIC = XML_SAX2_MAGIC;

static inline void CLibXML2_free(void *p) { xmlFree(p); }  // xmlFree is a mutable global: Swift 6 rejects it

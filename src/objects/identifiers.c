// identifiers.c — the interned identifier strings of identifiers.h's X-macro.
// Invariant: after wf_identifiers_init returns 0 every field of
// wf_identifiers is an immortal interned str equal to its name; the struct is
// written only during start-up (single-threaded) and read-only afterwards.
#include "objects/identifiers.h"

#include "objects/str.h"

WfIdentifiers wf_identifiers;

int wf_identifiers_init(void) {
#define WF_ID_INIT(name)                                          \
    if (!(wf_identifiers.id_##name = wf_str_intern_cstr(#name))) \
        return -1;
    WF_IDENTIFIERS(WF_ID_INIT)
#undef WF_ID_INIT
    return 0;
}

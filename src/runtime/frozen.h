// frozen.h — the Python stdlib files of lib/, embedded at build time by
// tools/freeze.sh. The table ends with an entry whose name is NULL.
#ifndef WF_FROZEN_H
#define WF_FROZEN_H

#include <stddef.h>

typedef struct {
    const char *name;      // dotted module name
    const char *filename;  // "<frozen name>"
    const char *source;    // UTF-8, NUL-terminated
    size_t size;
    int is_package;
} WfFrozenModule;

extern const WfFrozenModule wf_frozen_modules[];

#endif

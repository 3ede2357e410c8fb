// opcodes.c — tables expanded from the opcode X-macro (vm/opcodes.h).
// Invariant: entries past WF_OP__COUNT are zero / NULL.
#include "vm/opcodes.h"

const uint8_t wf_opcode_cache_units[256] = {
#define X(name, cache) [WF_OP_##name] = (cache),
    WF_OPCODES(X)
#undef X
};

const char *const wf_opcode_names[256] = {
#define X(name, cache) [WF_OP_##name] = #name,
    WF_OPCODES(X)
#undef X
};

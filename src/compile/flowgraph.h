// flowgraph.h — the control-flow graph of one unit between code generation
// and assembly (private to flowgraph.c and assemble.c).
//
// Invariants: blocks form a singly linked list in layout order (`next`);
// only the last instruction of a block may jump or end the flow; `target`
// of a jumping instruction and `except` (the innermost exception handler
// covering the instruction, NULL if none) point at blocks of the same graph.
#ifndef WF_COMPILE_FLOWGRAPH_H
#define WF_COMPILE_FLOWGRAPH_H

#include <limits.h>

#include "compile/codegen.h"

typedef struct WfBlock WfBlock;

typedef struct {
    int opcode;
    int oparg;
    WfBlock *target;
    WfBlock *except;
    WfCodeLocation loc;
} WfCfgInstr;

struct WfBlock {
    WfCfgInstr *instrs;
    int n, cap;
    WfBlock *next;
    WfBlock **exceptstack;      // during label_exception_targets
    int exceptdepth;
    int startdepth;             // INT_MIN until known
    int predecessors;
    int offset;                 // first code unit (assembly)
    int order;                  // position in layout
    uint64_t unsafe_locals;
    unsigned visited : 1, except_handler : 1, preserve_lasti : 1, on_stack : 1;
};

typedef struct {
    WfBlock *entry;
    WfBlock **all;
    int nall, capall;
} WfCfg;

// Build the graph from the unit's instruction sequence and run the passes
// (exception targets, unreachable code, peepholes, uninitialized locals,
// prefix instructions, stack depth). Returns the max stack depth or -1.
int wf_cfg_build_and_optimize(WfCompiler *c, WfCfg *g, int code_flags, int nlocals, int nparams,
                              const int *cell_slots, int ncells, int nfrees);
void wf_cfg_free(WfCfg *g);
// borrow.c: LOAD_FAST -> LOAD_FAST_BORROW where the local outlives the
// pushed reference within its block. 0, or -1 with MemoryError.
int wf_cfg_borrow_local_loads(WfCfg *g);

WfCfgInstr *wf_block_add(WfBlock *b, int opcode, int oparg, WfCodeLocation loc);
WfBlock *wf_cfg_new_block(WfCfg *g);
bool wf_op_is_unconditional_jump(int op);

#endif

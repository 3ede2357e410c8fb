// flowgraph.c — CPython 3.12's flowgraph passes over one unit: basic blocks
// from the label-based instruction sequence, exception-handler labelling
// from the SETUP_* / POP_BLOCK pseudo-instructions (YIELD_VALUE gets the
// handler depth as oparg), removal of unreachable code, LOAD_CONST +
// RETURN_VALUE -> RETURN_CONST, LOAD_FAST -> LOAD_FAST_CHECK where a local
// may be unbound, the MAKE_CELL / COPY_FREE_VARS / RETURN_GENERATOR prefix,
// and the maximum stack depth by flow analysis.
//
// Invariant: after wf_cfg_build_and_optimize returns, every reachable block
// has startdepth >= 0, no pseudo-instruction other than JUMP /
// JUMP_NO_INTERRUPT remains (SETUP_* and POP_BLOCK are gone), and every
// instruction's `except` is the handler in force when it runs.
#include <stdlib.h>
#include <string.h>

#include "compile/flowgraph.h"
#include "objects/tuple.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Opcode properties

bool wf_op_has_target(int op) {
    switch (op) {
    case WF_OP_JUMP_FORWARD: case WF_OP_JUMP_BACKWARD: case WF_OP_JUMP_BACKWARD_NO_INTERRUPT:
    case WF_OP_POP_JUMP_IF_FALSE: case WF_OP_POP_JUMP_IF_TRUE: case WF_OP_POP_JUMP_IF_NONE:
    case WF_OP_POP_JUMP_IF_NOT_NONE: case WF_OP_FOR_ITER: case WF_OP_SEND:
    case WF_PSEUDO_SETUP_FINALLY: case WF_PSEUDO_SETUP_CLEANUP: case WF_PSEUDO_SETUP_WITH:
    case WF_PSEUDO_JUMP: case WF_PSEUDO_JUMP_NO_INTERRUPT:
        return true;
    default:
        return false;
    }
}

bool wf_op_is_unconditional_jump(int op) {
    return op == WF_PSEUDO_JUMP || op == WF_PSEUDO_JUMP_NO_INTERRUPT || op == WF_OP_JUMP_FORWARD ||
           op == WF_OP_JUMP_BACKWARD || op == WF_OP_JUMP_BACKWARD_NO_INTERRUPT;
}

static bool is_scope_exit(int op) {
    return op == WF_OP_RETURN_VALUE || op == WF_OP_RETURN_CONST || op == WF_OP_RAISE_VARARGS || op == WF_OP_RERAISE;
}

bool wf_op_is_terminator(int op) { return wf_op_is_unconditional_jump(op) || is_scope_exit(op); }

static bool is_block_push(int op) {
    return op == WF_PSEUDO_SETUP_FINALLY || op == WF_PSEUDO_SETUP_CLEANUP || op == WF_PSEUDO_SETUP_WITH;
}

const char *wf_op_name(int op) {
    switch (op) {
    case WF_PSEUDO_SETUP_FINALLY: return "SETUP_FINALLY";
    case WF_PSEUDO_SETUP_CLEANUP: return "SETUP_CLEANUP";
    case WF_PSEUDO_SETUP_WITH: return "SETUP_WITH";
    case WF_PSEUDO_POP_BLOCK: return "POP_BLOCK";
    case WF_PSEUDO_JUMP: return "JUMP";
    case WF_PSEUDO_JUMP_NO_INTERRUPT: return "JUMP_NO_INTERRUPT";
    default:
        if (op >= 0 && op < 256 && wf_opcode_names[op]) return wf_opcode_names[op];
        return "<unknown>";
    }
}

static int popcount4(int x) { return (x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) + ((x >> 3) & 1); }

// Stack effect of an instruction (CPython 3.12's metadata); `jump`: the effect
// when the jump is taken.
int wf_op_stack_effect(int op, int oparg, int jump) {
    switch (op) {
    case WF_OP_NOP: case WF_OP_RESUME: case WF_OP_EXTENDED_ARG: case WF_OP_CACHE:
    case WF_PSEUDO_POP_BLOCK: case WF_PSEUDO_JUMP: case WF_PSEUDO_JUMP_NO_INTERRUPT:
    case WF_OP_JUMP_FORWARD: case WF_OP_JUMP_BACKWARD: case WF_OP_JUMP_BACKWARD_NO_INTERRUPT:
    case WF_OP_SWAP: case WF_OP_UNARY_NEGATIVE: case WF_OP_UNARY_NOT: case WF_OP_UNARY_INVERT:
    case WF_OP_GET_ITER: case WF_OP_GET_YIELD_FROM_ITER: case WF_OP_RETURN_CONST:
    case WF_OP_RETURN_GENERATOR: case WF_OP_YIELD_VALUE: case WF_OP_SEND: case WF_OP_SETUP_ANNOTATIONS:
    case WF_OP_CHECK_EXC_MATCH: case WF_OP_CHECK_EG_MATCH: case WF_OP_DELETE_NAME:
    case WF_OP_LOAD_FROM_DICT_OR_GLOBALS: case WF_OP_LOAD_FROM_DICT_OR_DEREF: case WF_OP_DELETE_GLOBAL:
    case WF_OP_DELETE_FAST: case WF_OP_MAKE_CELL: case WF_OP_DELETE_DEREF: case WF_OP_COPY_FREE_VARS:
    case WF_OP_KW_NAMES: case WF_OP_CALL_INTRINSIC_1: case WF_OP_GET_AWAITABLE: case WF_OP_GET_AITER:
        return 0;
    case WF_OP_POP_TOP: case WF_OP_END_SEND: case WF_OP_BINARY_OP: case WF_OP_BINARY_SUBSCR:
    case WF_OP_RETURN_VALUE: case WF_OP_POP_EXCEPT: case WF_OP_RERAISE: case WF_OP_CLEANUP_THROW:
    case WF_OP_STORE_NAME: case WF_OP_DELETE_ATTR: case WF_OP_STORE_GLOBAL: case WF_OP_STORE_FAST:
    case WF_OP_STORE_DEREF: case WF_OP_LIST_APPEND: case WF_OP_SET_ADD: case WF_OP_LIST_EXTEND:
    case WF_OP_SET_UPDATE: case WF_OP_DICT_UPDATE: case WF_OP_DICT_MERGE: case WF_OP_COMPARE_OP:
    case WF_OP_IS_OP: case WF_OP_CONTAINS_OP: case WF_OP_IMPORT_NAME: case WF_OP_POP_JUMP_IF_FALSE:
    case WF_OP_POP_JUMP_IF_TRUE: case WF_OP_POP_JUMP_IF_NONE: case WF_OP_POP_JUMP_IF_NOT_NONE:
    case WF_OP_CALL_INTRINSIC_2:
        return -1;
    case WF_OP_PUSH_NULL: case WF_OP_COPY: case WF_OP_PUSH_EXC_INFO: case WF_OP_BEFORE_WITH:
    case WF_OP_WITH_EXCEPT_START: case WF_OP_LOAD_ASSERTION_ERROR: case WF_OP_LOAD_BUILD_CLASS:
    case WF_OP_LOAD_LOCALS: case WF_OP_LOAD_CONST: case WF_OP_LOAD_NAME: case WF_OP_LOAD_FAST:
    case WF_OP_LOAD_FAST_BORROW:
    case WF_OP_LOAD_FAST_CHECK: case WF_OP_LOAD_FAST_AND_CLEAR: case WF_OP_LOAD_CLOSURE:
    case WF_OP_LOAD_DEREF: case WF_OP_IMPORT_FROM: case WF_OP_FOR_ITER: case WF_OP_GET_ANEXT:
    case WF_OP_BEFORE_ASYNC_WITH: case WF_OP_GET_LEN: case WF_OP_MATCH_MAPPING: case WF_OP_MATCH_SEQUENCE:
    case WF_OP_MATCH_KEYS:
        return 1;
    case WF_OP_END_FOR: case WF_OP_BINARY_SLICE: case WF_OP_DELETE_SUBSCR: case WF_OP_STORE_ATTR:
    case WF_OP_MAP_ADD: case WF_OP_END_ASYNC_FOR: case WF_OP_MATCH_CLASS:
        return -2;
    case WF_OP_STORE_SUBSCR:
        return -3;
    case WF_OP_STORE_SLICE:
        return -4;
    case WF_OP_UNPACK_SEQUENCE:
        return oparg - 1;
    case WF_OP_UNPACK_EX:
        return (oparg & 0xFF) + (oparg >> 8);
    case WF_OP_LOAD_ATTR: case WF_OP_LOAD_GLOBAL:
        return (op == WF_OP_LOAD_GLOBAL ? 1 : 0) + (oparg & 1);
    case WF_OP_LOAD_SUPER_ATTR:
        return -2 + (oparg & 1);
    case WF_OP_BUILD_TUPLE: case WF_OP_BUILD_LIST: case WF_OP_BUILD_SET: case WF_OP_BUILD_STRING:
    case WF_OP_BUILD_SLICE:
        return 1 - oparg;
    case WF_OP_BUILD_MAP:
        return 1 - 2 * oparg;
    case WF_OP_BUILD_CONST_KEY_MAP:
        return -oparg;
    case WF_OP_FORMAT_VALUE:
        return (oparg & WF_FVS_HAVE_SPEC) ? -1 : 0;
    case WF_OP_RAISE_VARARGS:
        return -oparg;
    case WF_OP_CALL:
        return -oparg - 1;
    case WF_OP_CALL_FUNCTION_EX:
        return -2 - (oparg & 1);
    case WF_OP_MAKE_FUNCTION:
        return -popcount4(oparg);
    case WF_PSEUDO_SETUP_FINALLY:
        return jump ? 1 : 0;
    case WF_PSEUDO_SETUP_CLEANUP:
        return jump ? 2 : 0;
    case WF_PSEUDO_SETUP_WITH:
        return jump ? 1 : 0;
    default:
        return INT32_MAX;
    }
}

// ---------------------------------------------------------------------------
// Graph construction

WfBlock *wf_cfg_new_block(WfCfg *g) {
    WfBlock *b = wf_mem_calloc(1, sizeof(WfBlock));
    if (!b) {
        wf_err_no_memory();
        return NULL;
    }
    if (g->nall == g->capall) {
        int ncap = g->capall ? g->capall * 2 : 32;
        WfBlock **n = wf_mem_realloc(g->all, sizeof(WfBlock *) * (size_t)ncap);
        if (!n) {
            wf_mem_free(b);
            wf_err_no_memory();
            return NULL;
        }
        g->all = n;
        g->capall = ncap;
    }
    g->all[g->nall++] = b;
    b->startdepth = INT_MIN;
    return b;
}

WfCfgInstr *wf_block_add(WfBlock *b, int opcode, int oparg, WfCodeLocation loc) {
    if (b->n == b->cap) {
        int ncap = b->cap ? b->cap * 2 : 8;
        WfCfgInstr *n = wf_mem_realloc(b->instrs, sizeof(WfCfgInstr) * (size_t)ncap);
        if (!n) {
            wf_err_no_memory();
            return NULL;
        }
        b->instrs = n;
        b->cap = ncap;
    }
    WfCfgInstr *in = &b->instrs[b->n++];
    *in = (WfCfgInstr){ opcode, oparg, NULL, NULL, loc };
    return in;
}

static int block_insert(WfBlock *b, int pos, int opcode, int oparg, WfCodeLocation loc) {
    if (!wf_block_add(b, opcode, oparg, loc)) return -1;
    WfCfgInstr tmp = b->instrs[b->n - 1];
    memmove(&b->instrs[pos + 1], &b->instrs[pos], sizeof(WfCfgInstr) * (size_t)(b->n - 1 - pos));
    b->instrs[pos] = tmp;
    return 0;
}

void wf_cfg_free(WfCfg *g) {
    for (int i = 0; i < g->nall; i++) {
        wf_mem_free(g->all[i]->instrs);
        wf_mem_free(g->all[i]->exceptstack);
        wf_mem_free(g->all[i]);
    }
    wf_mem_free(g->all);
    memset(g, 0, sizeof *g);
}

static WfCfgInstr *last_instr(WfBlock *b) { return b->n ? &b->instrs[b->n - 1] : NULL; }

static bool has_fallthrough(WfBlock *b) {
    WfCfgInstr *last = last_instr(b);
    return !last || !wf_op_is_terminator(last->opcode);
}

static int build_blocks(WfCompiler *c, WfCfg *g) {
    WfUnit *u = c->u;
    int n = u->ninstrs;
    WfBlock **label_block = wf_mem_calloc((size_t)u->nlabels + 1, sizeof(WfBlock *));
    char *starts = wf_mem_calloc((size_t)n + 1, 1);
    WfBlock **at = wf_mem_calloc((size_t)n + 1, sizeof(WfBlock *));
    int r = -1;
    if (!label_block || !starts || !at) {
        wf_err_no_memory();
        goto done;
    }
    for (int i = 0; i < u->nlabels; i++)
        if (u->labels[i] >= 0) starts[u->labels[i]] = 1;
    WfBlock *cur = NULL, *prev = NULL;
    for (int i = 0; i <= n; i++) {
        if (i == n && !starts[n]) break;
        if (!cur || starts[i]) {
            WfBlock *b = wf_cfg_new_block(g);
            if (!b) goto done;
            if (prev) prev->next = b;
            else g->entry = b;
            prev = cur = b;
        }
        at[i] = cur;
        if (i == n) break;
        WfInstr *in = &u->instrs[i];
        if (!wf_block_add(cur, in->opcode, in->oparg, in->loc)) goto done;
        if (wf_op_has_target(in->opcode) || wf_op_is_terminator(in->opcode)) cur = NULL;
    }
    if (!g->entry) {
        g->entry = wf_cfg_new_block(g);
        if (!g->entry) goto done;
    }
    for (int i = 0; i < u->nlabels; i++)
        if (u->labels[i] >= 0) label_block[i] = at[u->labels[i]];
    // Resolve targets: walk the instructions in the same order.
    {
        int k = 0;
        for (WfBlock *b = g->entry; b; b = b->next) {
            for (int j = 0; j < b->n; j++, k++) {
                int lbl = u->instrs[k].target;
                if (wf_op_has_target(b->instrs[j].opcode)) {
                    if (lbl < 0 || lbl >= u->nlabels || !label_block[lbl]) {
                        wf_err_set_string(&wf_exc_SystemError, "compiler: jump to an unplaced label");
                        goto done;
                    }
                    b->instrs[j].target = label_block[lbl];
                }
            }
        }
    }
    r = 0;
done:
    wf_mem_free(label_block);
    wf_mem_free(starts);
    wf_mem_free(at);
    return r;
}

// ---------------------------------------------------------------------------
// Exception handlers

static int label_exception_targets(WfCfg *g) {
    int maxdepth = WF_MAX_FBLOCKS * 2 + 8;
    WfBlock **todo = wf_mem_malloc(sizeof(WfBlock *) * (size_t)(g->nall + 1));
    if (!todo) {
        wf_err_no_memory();
        return -1;
    }
    int ntodo = 0;
    for (int i = 0; i < g->nall; i++) g->all[i]->visited = 0;
    WfBlock *entry = g->entry;
    entry->exceptstack = wf_mem_calloc((size_t)maxdepth, sizeof(WfBlock *));
    if (!entry->exceptstack) goto oom;
    entry->exceptdepth = 0;
    entry->visited = 1;
    todo[ntodo++] = entry;
    while (ntodo) {
        WfBlock *b = todo[--ntodo];
        WfBlock **stack = b->exceptstack;
        int depth = b->exceptdepth;
        b->exceptstack = NULL;
        WfBlock *handler = depth ? stack[depth - 1] : NULL;
        for (int i = 0; i < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            if (is_block_push(in->opcode)) {
                WfBlock *t = in->target;
                if (!t->visited) {
                    t->exceptstack = wf_mem_malloc(sizeof(WfBlock *) * (size_t)maxdepth);
                    if (!t->exceptstack) goto oom;
                    memcpy(t->exceptstack, stack, sizeof(WfBlock *) * (size_t)depth);
                    t->exceptdepth = depth;
                    t->visited = 1;
                    todo[ntodo++] = t;
                }
                if (depth >= maxdepth) {
                    wf_err_set_string(&wf_exc_SystemError, "compiler: exception stack overflow");
                    wf_mem_free(stack);
                    wf_mem_free(todo);
                    return -1;
                }
                stack[depth++] = t;
                handler = t;
            } else if (in->opcode == WF_PSEUDO_POP_BLOCK) {
                if (depth > 0) depth--;
                handler = depth ? stack[depth - 1] : NULL;
            } else if (wf_op_has_target(in->opcode)) {
                in->except = handler;
                WfBlock *t = in->target;
                if (!t->visited) {
                    t->exceptstack = wf_mem_malloc(sizeof(WfBlock *) * (size_t)maxdepth);
                    if (!t->exceptstack) goto oom;
                    memcpy(t->exceptstack, stack, sizeof(WfBlock *) * (size_t)depth);
                    t->exceptdepth = depth;
                    t->visited = 1;
                    todo[ntodo++] = t;
                }
            } else if (in->opcode == WF_OP_YIELD_VALUE) {
                in->except = handler;
                in->oparg = depth;
            } else {
                in->except = handler;
            }
        }
        if (has_fallthrough(b) && b->next && !b->next->visited) {
            b->next->exceptstack = stack;
            b->next->exceptdepth = depth;
            b->next->visited = 1;
            todo[ntodo++] = b->next;
        } else {
            wf_mem_free(stack);
        }
    }
    wf_mem_free(todo);
    return 0;
oom:
    wf_mem_free(todo);
    wf_err_no_memory();
    return -1;
}

static void mark_except_handlers(WfCfg *g) {
    for (WfBlock *b = g->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            if (is_block_push(in->opcode)) {
                in->target->except_handler = 1;
                if (in->opcode != WF_PSEUDO_SETUP_FINALLY) in->target->preserve_lasti = 1;
            }
        }
}

// Unreachable blocks (not visited by label_exception_targets) are dropped
// from the layout.
static void remove_unreachable(WfCfg *g) {
    WfBlock *prev = NULL;
    for (WfBlock *b = g->entry; b; b = b->next) {
        if (!b->visited) {
            b->n = 0;  // keep it linked but empty: fallthrough into it is impossible
            continue;
        }
        prev = b;
    }
    (void)prev;
    // Unlink the emptied unreachable blocks.
    WfBlock **pp = &g->entry;
    while (*pp) {
        if (!(*pp)->visited) *pp = (*pp)->next;
        else pp = &(*pp)->next;
    }
}

// ---------------------------------------------------------------------------
// Peepholes

static void remove_nops_in_block(WfBlock *b) {
    int dst = 0;
    for (int i = 0; i < b->n; i++) {
        WfCfgInstr *in = &b->instrs[i];
        if (in->opcode == WF_OP_NOP) {
            int line = in->loc.line;
            bool drop = line < 0;
            if (!drop && dst > 0 && b->instrs[dst - 1].loc.line == line) drop = true;
            if (!drop && i + 1 < b->n) {
                WfCfgInstr *nx = &b->instrs[i + 1];
                if (nx->loc.line == line) drop = true;
                else if (nx->loc.line < 0) {
                    nx->loc = in->loc;
                    drop = true;
                }
            }
            if (drop) continue;
        }
        b->instrs[dst++] = *in;
    }
    b->n = dst;
}

static void optimize_blocks(WfCfg *g) {
    for (WfBlock *b = g->entry; b; b = b->next) {
        // Pseudo block markers become NOPs now that handlers are labelled.
        for (int i = 0; i < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            if (in->opcode == WF_PSEUDO_POP_BLOCK || is_block_push(in->opcode)) {
                in->opcode = WF_OP_NOP;
                in->oparg = 0;
                in->target = NULL;
                in->loc = wf_no_location;
            }
        }
        // LOAD_CONST x; RETURN_VALUE -> RETURN_CONST x
        for (int i = 0; i + 1 < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            if (in->opcode == WF_OP_LOAD_CONST && b->instrs[i + 1].opcode == WF_OP_RETURN_VALUE) {
                in->opcode = WF_OP_NOP;
                in->loc = wf_no_location;
                b->instrs[i + 1].opcode = WF_OP_RETURN_CONST;
                b->instrs[i + 1].oparg = in->oparg;
            }
        }
    }
    // A jump to the next block is redundant.
    for (WfBlock *b = g->entry; b; b = b->next) {
        WfCfgInstr *last = last_instr(b);
        if (last && (last->opcode == WF_PSEUDO_JUMP || last->opcode == WF_PSEUDO_JUMP_NO_INTERRUPT)) {
            WfBlock *nx = b->next;
            while (nx && nx->n == 0) nx = nx->next;
            if (nx && last->target == nx) {
                last->opcode = WF_OP_NOP;
                last->target = NULL;
            }
        }
    }
    for (WfBlock *b = g->entry; b; b = b->next) remove_nops_in_block(b);
}

// LOAD_CONST a; LOAD_CONST b; BUILD_TUPLE 2  ->  LOAD_CONST (a, b)
// (CPython 3.12's fold_tuple_on_constants).
static int fold_tuples_on_constants(WfCompiler *c, WfCfg *g) {
    for (WfBlock *b = g->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            if (in->opcode != WF_OP_BUILD_TUPLE) continue;
            int n = in->oparg;
            if (n > i) continue;
            bool all = true;
            for (int k = i - n; k < i && all; k++)
                if (b->instrs[k].opcode != WF_OP_LOAD_CONST) all = false;
            if (!all) continue;
            WfObject *t = wf_tuple_new(n);
            if (!t) return -1;
            for (int k = 0; k < n; k++) {
                WfObject *v = c->u->consts[b->instrs[i - n + k].oparg];
                wf_tuple_set_take(t, k, wf_newref(v));
            }
            int idx = wf_cg_add_const(c, t);
            wf_decref(t);
            if (idx < 0) return -1;
            for (int k = i - n; k < i; k++) {
                b->instrs[k].opcode = WF_OP_NOP;
                b->instrs[k].loc = wf_no_location;
            }
            in->opcode = WF_OP_LOAD_CONST;
            in->oparg = idx;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Locals that may be unbound: LOAD_FAST -> LOAD_FAST_CHECK

static void maybe_push(WfBlock *b, uint64_t mask, WfBlock ***sp) {
    uint64_t both = b->unsafe_locals | mask;
    if (b->unsafe_locals != both) {
        b->unsafe_locals = both;
        if (!b->on_stack) {
            *(*sp)++ = b;
            b->on_stack = 1;
        }
    }
}

static void scan_block_for_locals(WfBlock *b, WfBlock ***sp) {
    uint64_t unsafe = b->unsafe_locals;
    for (int i = 0; i < b->n; i++) {
        WfCfgInstr *in = &b->instrs[i];
        if (in->except) maybe_push(in->except, unsafe, sp);
        if (in->oparg < 0 || in->oparg >= 64) continue;
        uint64_t bit = (uint64_t)1 << in->oparg;
        switch (in->opcode) {
        case WF_OP_DELETE_FAST:
        case WF_OP_LOAD_FAST_AND_CLEAR:
            unsafe |= bit;
            break;
        case WF_OP_STORE_FAST:
        case WF_OP_LOAD_FAST_CHECK:
            unsafe &= ~bit;
            break;
        case WF_OP_LOAD_FAST:
            if (unsafe & bit) in->opcode = WF_OP_LOAD_FAST_CHECK;
            unsafe &= ~bit;
            break;
        }
    }
    if (b->next && has_fallthrough(b)) maybe_push(b->next, unsafe, sp);
    WfCfgInstr *last = last_instr(b);
    if (last && wf_op_has_target(last->opcode)) maybe_push(last->target, unsafe, sp);
}

// Locals beyond the first 64 are checked one block at a time.
static int fast_scan_many_locals(WfCfg *g, int nlocals) {
    int *states = wf_mem_calloc((size_t)nlocals, sizeof(int));
    if (!states) {
        wf_err_no_memory();
        return -1;
    }
    int blocknum = 0;
    for (WfBlock *b = g->entry; b; b = b->next) {
        blocknum++;
        for (int i = 0; i < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            int arg = in->oparg;
            if (arg < 64 || arg >= nlocals) continue;
            switch (in->opcode) {
            case WF_OP_DELETE_FAST:
                states[arg] = blocknum - 1;
                break;
            case WF_OP_STORE_FAST:
                states[arg] = blocknum;
                break;
            case WF_OP_LOAD_FAST:
                if (states[arg] != blocknum) in->opcode = WF_OP_LOAD_FAST_CHECK;
                states[arg] = blocknum;
                break;
            }
        }
    }
    wf_mem_free(states);
    return 0;
}

static int add_checks_for_loads_of_uninitialized_variables(WfCfg *g, int nlocals, int nparams) {
    if (nlocals == 0) return 0;
    if (nlocals > 64) {
        RETURN_IF_ERROR(fast_scan_many_locals(g, nlocals));
        nlocals = 64;
    }
    WfBlock **stack = wf_mem_malloc(sizeof(WfBlock *) * (size_t)(g->nall + 1));
    if (!stack) {
        wf_err_no_memory();
        return -1;
    }
    WfBlock **sp = stack;
    for (WfBlock *b = g->entry; b; b = b->next) {
        b->on_stack = 0;
        b->unsafe_locals = 0;
    }
    uint64_t start_mask = 0;
    for (int i = nparams; i < nlocals; i++) start_mask |= (uint64_t)1 << i;
    maybe_push(g->entry, start_mask, &sp);
    for (WfBlock *b = g->entry; b; b = b->next) scan_block_for_locals(b, &sp);
    while (sp > stack) {
        WfBlock *b = *--sp;
        b->on_stack = 0;
        scan_block_for_locals(b, &sp);
    }
    wf_mem_free(stack);
    return 0;
}

// ---------------------------------------------------------------------------
// Stack depth

static int stackdepth_push(WfCompiler *c, WfBlock ***sp, WfBlock *b, int depth) {
    if (b->startdepth != INT_MIN && b->startdepth != depth) {
        wf_err_format(&wf_exc_SystemError, "compiler: inconsistent stack depth in %U (%d vs %d)", c->u->qualname,
                      b->startdepth, depth);
        return -1;
    }
    if (depth < 0) {
        wf_err_format(&wf_exc_SystemError, "compiler: negative stack depth in %U", c->u->qualname);
        return -1;
    }
    if (b->startdepth == INT_MIN) {
        b->startdepth = depth;
        *(*sp)++ = b;
    }
    return 0;
}

static int stackdepth(WfCompiler *c, WfCfg *g, int code_flags) {
    for (int i = 0; i < g->nall; i++) g->all[i]->startdepth = INT_MIN;
    WfBlock **stack = wf_mem_malloc(sizeof(WfBlock *) * (size_t)(g->nall + 1));
    if (!stack) {
        wf_err_no_memory();
        return -1;
    }
    WfBlock **sp = stack;
    int maxdepth = 0;
    int start = (code_flags & (WF_CO_GENERATOR | WF_CO_COROUTINE | WF_CO_ASYNC_GENERATOR)) ? 1 : 0;
    if (stackdepth_push(c, &sp, g->entry, start) < 0) goto error;
    while (sp != stack) {
        WfBlock *b = *--sp;
        int depth = b->startdepth;
        WfBlock *next = b->next;
        for (int i = 0; i < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            int effect = wf_op_stack_effect(in->opcode, in->oparg, 0);
            if (effect == INT32_MAX) {
                wf_err_format(&wf_exc_SystemError, "compiler: no stack effect for %s", wf_op_name(in->opcode));
                goto error;
            }
            int new_depth = depth + effect;
            if (new_depth > maxdepth) maxdepth = new_depth;
            if (wf_op_has_target(in->opcode)) {
                int target_depth = depth + wf_op_stack_effect(in->opcode, in->oparg, 1);
                if (target_depth > maxdepth) maxdepth = target_depth;
                if (stackdepth_push(c, &sp, in->target, target_depth) < 0) goto error;
            }
            depth = new_depth;
            if (depth < 0) {
                wf_err_format(&wf_exc_SystemError, "compiler: stack underflow in %U at %s", c->u->qualname,
                              wf_op_name(in->opcode));
                goto error;
            }
            if (wf_op_is_terminator(in->opcode)) {
                next = NULL;
                break;
            }
        }
        if (next && stackdepth_push(c, &sp, next, depth) < 0) goto error;
    }
    wf_mem_free(stack);
    return maxdepth;
error:
    wf_mem_free(stack);
    return -1;
}

// ---------------------------------------------------------------------------

static int insert_prefix(WfCfg *g, int code_flags, const int *cell_slots, int ncells, int nfrees, int firstlineno) {
    WfBlock *entry = g->entry;
    int pos = 0;
    if (nfrees && block_insert(entry, pos++, WF_OP_COPY_FREE_VARS, nfrees, wf_no_location) < 0) return -1;
    // MAKE_CELL for each cell, in slot order.
    int *order = NULL;
    if (ncells) {
        order = wf_mem_malloc(sizeof(int) * (size_t)ncells);
        if (!order) {
            wf_err_no_memory();
            return -1;
        }
        for (int i = 0; i < ncells; i++) order[i] = cell_slots[i];
        for (int i = 1; i < ncells; i++)
            for (int j = i; j > 0 && order[j - 1] > order[j]; j--) {
                int t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        for (int i = 0; i < ncells; i++)
            if (block_insert(entry, pos++, WF_OP_MAKE_CELL, order[i], wf_no_location) < 0) {
                wf_mem_free(order);
                return -1;
            }
        wf_mem_free(order);
    }
    if (code_flags & (WF_CO_GENERATOR | WF_CO_COROUTINE | WF_CO_ASYNC_GENERATOR)) {
        // Located at the first line, as CPython.
        WfCodeLocation loc = { firstlineno, firstlineno, -1, -1 };
        if (block_insert(entry, pos++, WF_OP_RETURN_GENERATOR, 0, loc) < 0) return -1;
        if (block_insert(entry, pos++, WF_OP_POP_TOP, 0, loc) < 0) return -1;
    }
    return 0;
}

static void propagate_line_numbers(WfCfg *g) {
    for (WfBlock *b = g->entry; b; b = b->next) b->predecessors = 0;
    for (WfBlock *b = g->entry; b; b = b->next) {
        if (b->next && has_fallthrough(b)) b->next->predecessors++;
        WfCfgInstr *last = last_instr(b);
        if (last && last->target) last->target->predecessors++;
    }
    for (WfBlock *b = g->entry; b; b = b->next) {
        WfCfgInstr *last = last_instr(b);
        if (!last) continue;
        WfCodeLocation prev = wf_no_location;
        for (int i = 0; i < b->n; i++) {
            if (b->instrs[i].loc.line < 0) b->instrs[i].loc = prev;
            else prev = b->instrs[i].loc;
        }
        if (b->next && has_fallthrough(b) && b->next->predecessors == 1 && b->next->n &&
            b->next->instrs[0].loc.line < 0)
            b->next->instrs[0].loc = prev;
        if (last->target && last->target->predecessors == 1 && last->target->n &&
            last->target->instrs[0].loc.line < 0)
            last->target->instrs[0].loc = prev;
    }
}

int wf_cfg_build_and_optimize(WfCompiler *c, WfCfg *g, int code_flags, int nlocals, int nparams,
                              const int *cell_slots, int ncells, int nfrees) {
    memset(g, 0, sizeof *g);
    RETURN_IF_ERROR(build_blocks(c, g));
    mark_except_handlers(g);
    RETURN_IF_ERROR(label_exception_targets(g));
    remove_unreachable(g);
    RETURN_IF_ERROR(fold_tuples_on_constants(c, g));
    RETURN_IF_ERROR(add_checks_for_loads_of_uninitialized_variables(g, nlocals, nparams));
    // Stack depths need the SETUP_* edges: compute before they become NOPs.
    RETURN_IF_ERROR(insert_prefix(g, code_flags, cell_slots, ncells, nfrees, c->u->firstlineno));
    int maxdepth = stackdepth(c, g, code_flags);
    if (maxdepth < 0) return -1;
    optimize_blocks(g);
    RETURN_IF_ERROR(wf_cfg_borrow_local_loads(g));
    propagate_line_numbers(g);
    return maxdepth;
}

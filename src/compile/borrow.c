// borrow.c — turn LOAD_FAST into LOAD_FAST_BORROW where the local provably
// outlives the stack reference (after CPython 3.14's optimize_load_fast).
//
// A borrowed stack reference to a local's object takes no reference count
// (no refcount write at all, so threads sharing an object passed to them as
// an argument do not fight over its header). It is safe while the local
// keeps its value: the pass proves, within one basic block, that the value a
// LOAD_FAST pushed is consumed by an instruction that either only uses it or
// counts it when storing it (calls, operators, subscripts, attribute stores,
// builds), before anything rebinds or deletes the local.
//
// Invariant of the analysis: `stack` mirrors the evaluation stack of the
// block from its start (values from predecessors are not tracked); each
// entry records which LOAD_FAST produced it (or none). A load stays
// unmarked ("unsafe") when its value
//   - is still on the stack at the end of the block (it may live on in a
//     successor, across a loop or an exception edge),
//   - is on the stack when its local is stored to, deleted or cleared,
//   - is consumed by an instruction the table below does not know, or by one
//     that keeps it beyond the instruction (STORE_FAST / STORE_DEREF /
//     STORE_GLOBAL / STORE_NAME, RETURN_VALUE, YIELD_VALUE).
// Values that move into a callee's frame (CALL) stay valid while the
// caller's local does; a frame that outlives its call (a generator, a frame
// object's copy) counts its borrowed references first (vm/frame.c,
// wf_frame_own_borrowed).
#include "compile/flowgraph.h"
#include "runtime/error.h"
#include "runtime/mem.h"
#include "vm/opcodes.h"

typedef struct {
    int load;   // index of the LOAD_FAST in the block, or -1
    int local;  // its local, or -1
} Entry;

typedef struct {
    Entry *items;
    int n, cap;
    bool *safe;  // per instruction of the block: a LOAD_FAST that may borrow
} State;

static int push(State *s, Entry e) {
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        Entry *items = wf_mem_realloc(s->items, (size_t)cap * sizeof *items);
        if (!items) {
            wf_err_no_memory();
            return -1;
        }
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = e;
    return 0;
}

static void unsafe(State *s, Entry e) {
    if (e.load >= 0) s->safe[e.load] = false;
}

// Pop n entries (fewer if the tracked stack is shorter); `escape`: the
// consumer keeps them beyond the instruction.
static void pop(State *s, int n, bool escape) {
    while (n-- > 0 && s->n > 0) {
        Entry e = s->items[--s->n];
        if (escape) unsafe(s, e);
    }
}

// Everything on the stack loses its loads' borrow (unknown instruction).
static void barrier(State *s) {
    for (int i = 0; i < s->n; i++) unsafe(s, s->items[i]);
    s->n = 0;
}

static void kill_local(State *s, int local) {
    for (int i = 0; i < s->n; i++)
        if (s->items[i].local == local) unsafe(s, s->items[i]);
}

// Inputs consumed and values pushed by instructions that use their inputs
// only during the instruction (or count what they keep). False: unknown.
static bool plain_effect(int op, int oparg, int *npop, int *npush) {
    switch (op) {
    case WF_OP_NOP: case WF_OP_RESUME: case WF_OP_KW_NAMES: case WF_OP_EXTENDED_ARG:
        *npop = 0, *npush = 0; return true;
    case WF_OP_POP_TOP:
        *npop = 1, *npush = 0; return true;
    case WF_OP_PUSH_NULL: case WF_OP_LOAD_CONST: case WF_OP_LOAD_DEREF: case WF_OP_LOAD_FAST_CHECK:
    case WF_OP_LOAD_CLOSURE:
        *npop = 0, *npush = 1; return true;
    case WF_OP_LOAD_GLOBAL:
        *npop = 0, *npush = 1 + (oparg & 1); return true;
    case WF_OP_UNARY_NEGATIVE: case WF_OP_UNARY_NOT: case WF_OP_UNARY_INVERT: case WF_OP_GET_ITER:
    case WF_OP_CALL_INTRINSIC_1:
        *npop = 1, *npush = 1; return true;
    case WF_OP_BINARY_OP: case WF_OP_COMPARE_OP: case WF_OP_IS_OP: case WF_OP_CONTAINS_OP:
    case WF_OP_BINARY_SUBSCR: case WF_OP_CALL_INTRINSIC_2:
        *npop = 2, *npush = 1; return true;
    case WF_OP_BINARY_SLICE:
        *npop = 3, *npush = 1; return true;
    case WF_OP_STORE_SUBSCR:
        *npop = 3, *npush = 0; return true;
    case WF_OP_STORE_SLICE:
        *npop = 4, *npush = 0; return true;
    case WF_OP_DELETE_SUBSCR: case WF_OP_STORE_ATTR:
        *npop = 2, *npush = 0; return true;
    case WF_OP_DELETE_ATTR:
        *npop = 1, *npush = 0; return true;
    case WF_OP_BUILD_TUPLE: case WF_OP_BUILD_LIST: case WF_OP_BUILD_SET: case WF_OP_BUILD_STRING:
    case WF_OP_BUILD_SLICE:
        *npop = oparg, *npush = 1; return true;
    case WF_OP_BUILD_MAP:
        *npop = 2 * oparg, *npush = 1; return true;
    case WF_OP_BUILD_CONST_KEY_MAP:
        *npop = oparg + 1, *npush = 1; return true;
    case WF_OP_FORMAT_VALUE:
        *npop = (oparg & WF_FVS_HAVE_SPEC) ? 2 : 1, *npush = 1; return true;
    case WF_OP_UNPACK_SEQUENCE:
        *npop = 1, *npush = oparg; return true;
    case WF_OP_CALL:
        *npop = oparg + 2, *npush = 1; return true;
    case WF_OP_POP_JUMP_IF_FALSE: case WF_OP_POP_JUMP_IF_TRUE: case WF_OP_POP_JUMP_IF_NONE:
    case WF_OP_POP_JUMP_IF_NOT_NONE:
        *npop = 1, *npush = 0; return true;
    default:
        return false;
    }
}

static int analyze_block(WfBlock *b, State *s) {
    s->n = 0;
    s->safe = wf_mem_calloc((size_t)(b->n ? b->n : 1), sizeof(bool));
    if (!s->safe) {
        wf_err_no_memory();
        return -1;
    }
    for (int i = 0; i < b->n; i++) {
        WfCfgInstr *in = &b->instrs[i];
        int op = in->opcode, arg = in->oparg, npop, npush;
        switch (op) {
        case WF_OP_LOAD_FAST:
            s->safe[i] = true;
            if (push(s, (Entry){i, arg}) < 0) return -1;
            continue;
        case WF_OP_STORE_FAST:
            pop(s, 1, true);
            kill_local(s, arg);
            continue;
        case WF_OP_DELETE_FAST:
            kill_local(s, arg);
            continue;
        case WF_OP_LOAD_FAST_AND_CLEAR:
            kill_local(s, arg);
            if (push(s, (Entry){-1, -1}) < 0) return -1;
            continue;
        case WF_OP_STORE_DEREF: case WF_OP_STORE_GLOBAL: case WF_OP_STORE_NAME:
        case WF_OP_RETURN_VALUE: case WF_OP_YIELD_VALUE:
            // The value outlives the instruction (a cell, a dict, the caller).
            pop(s, 1, true);
            if (op == WF_OP_YIELD_VALUE && push(s, (Entry){-1, -1}) < 0) return -1;
            continue;
        case WF_OP_COPY:
            if (arg >= 1 && arg <= s->n) {
                if (push(s, s->items[s->n - arg]) < 0) return -1;
            } else {
                barrier(s);
                if (push(s, (Entry){-1, -1}) < 0) return -1;
            }
            continue;
        case WF_OP_SWAP:
            if (arg >= 2 && arg <= s->n) {
                Entry t = s->items[s->n - 1];
                s->items[s->n - 1] = s->items[s->n - arg];
                s->items[s->n - arg] = t;
            } else {
                barrier(s);
            }
            continue;
        case WF_OP_LOAD_ATTR:
            if (arg & 1) {
                // Method form: [owner] -> [method or NULL, owner or attribute];
                // the owner may stay on the stack as `self`.
                Entry owner = s->n ? s->items[--s->n] : (Entry){-1, -1};
                if (push(s, (Entry){-1, -1}) < 0 || push(s, owner) < 0) return -1;
            } else {
                pop(s, 1, false);
                if (push(s, (Entry){-1, -1}) < 0) return -1;
            }
            continue;
        default:
            break;
        }
        if (plain_effect(op, arg, &npop, &npush)) {
            pop(s, npop, false);
            for (int k = 0; k < npush; k++)
                if (push(s, (Entry){-1, -1}) < 0) return -1;
        } else {
            barrier(s);
            // Unknown instruction: whatever it pushes is untracked; a
            // negative stack effect just shortens the (now empty) stack.
            int e = wf_op_stack_effect(op, arg, 0);
            for (int k = 0; e != INT32_MAX && k < e; k++)
                if (push(s, (Entry){-1, -1}) < 0) return -1;
        }
    }
    barrier(s);  // values left at the end of the block escape it
    for (int i = 0; i < b->n; i++)
        if (s->safe[i] && b->instrs[i].opcode == WF_OP_LOAD_FAST) b->instrs[i].opcode = WF_OP_LOAD_FAST_BORROW;
    wf_mem_free(s->safe);
    s->safe = NULL;
    return 0;
}

int wf_cfg_borrow_local_loads(WfCfg *g) {
    State s = {0};
    int r = 0;
    for (int i = 0; i < g->nall && r == 0; i++) r = analyze_block(g->all[i], &s);
    wf_mem_free(s.safe);
    wf_mem_free(s.items);
    return r;
}

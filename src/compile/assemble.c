// assemble.c — turns the optimized control-flow graph of a unit into a code
// object: frame slot layout (locals, cells, free variables), conditional
// jumps made forward-only (CPython 3.12's normalize_jumps), pseudo jumps
// resolved to JUMP_FORWARD / JUMP_BACKWARD[_NO_INTERRUPT], 32-bit code units
// with EXTENDED_ARG prefixes and zeroed inline caches, one location per code
// unit, and the exception table coalesced from each instruction's handler.
//
// Invariant: jump arguments are computed from block offsets until the sizes
// (which only grow with EXTENDED_ARG) stop changing, so every emitted
// relative jump lands on its target block's first code unit.
#include <string.h>

#include "compile/flowgraph.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

#define WF_CO_FUTURE_ANNOTATIONS 0x1000000
#define WF_CO_FUTURE_BARRY_AS_BDFL 0x400000

static int compute_code_flags(WfCompiler *c) {
    WfScope *ste = c->u->ste;
    int flags = 0;
    if (wf_scope_is_function_like(ste)) {
        flags |= WF_CO_NEWLOCALS | WF_CO_OPTIMIZED;
        if (ste->nested) flags |= WF_CO_NESTED;
        if (ste->generator && !ste->coroutine) flags |= WF_CO_GENERATOR;
        if (!ste->generator && ste->coroutine) flags |= WF_CO_COROUTINE;
        if (ste->generator && ste->coroutine) flags |= WF_CO_ASYNC_GENERATOR;
        if (ste->varargs) flags |= WF_CO_VARARGS;
        if (ste->varkeywords) flags |= WF_CO_VARKEYWORDS;
    }
    if (c->u->has_docstring) flags |= WF_CO_HAS_DOCSTRING;
    if (c->cs->future_features & WF_FUTURE_ANNOTATIONS) flags |= WF_CO_FUTURE_ANNOTATIONS;
    if (c->cs->future_features & WF_FUTURE_BARRY) flags |= WF_CO_FUTURE_BARRY_AS_BDFL;
    return flags;
}

static bool is_deref_op(int op) {
    return op == WF_OP_LOAD_DEREF || op == WF_OP_STORE_DEREF || op == WF_OP_DELETE_DEREF ||
           op == WF_OP_LOAD_CLOSURE || op == WF_OP_LOAD_FROM_DICT_OR_DEREF || op == WF_OP_MAKE_CELL;
}

static bool is_conditional_jump(int op) {
    return op == WF_OP_POP_JUMP_IF_FALSE || op == WF_OP_POP_JUMP_IF_TRUE || op == WF_OP_POP_JUMP_IF_NONE ||
           op == WF_OP_POP_JUMP_IF_NOT_NONE;
}

static int reversed_jump(int op) {
    switch (op) {
    case WF_OP_POP_JUMP_IF_FALSE: return WF_OP_POP_JUMP_IF_TRUE;
    case WF_OP_POP_JUMP_IF_TRUE: return WF_OP_POP_JUMP_IF_FALSE;
    case WF_OP_POP_JUMP_IF_NONE: return WF_OP_POP_JUMP_IF_NOT_NONE;
    default: return WF_OP_POP_JUMP_IF_NONE;
    }
}

static void number_blocks(WfCfg *g) {
    int k = 0;
    for (WfBlock *b = g->entry; b; b = b->next) b->order = k++;
}

// Backward conditional jumps become "reversed jump over" + JUMP_BACKWARD.
static int normalize_jumps(WfCfg *g) {
    number_blocks(g);
    for (WfBlock *b = g->entry; b; b = b->next) {
        if (!b->n) continue;
        WfCfgInstr *last = &b->instrs[b->n - 1];
        if (!last->target) continue;
        bool forward = last->target->order > b->order;
        if (is_conditional_jump(last->opcode)) {
            if (forward) continue;
            WfBlock *j = wf_cfg_new_block(g);
            if (!j) return -1;
            WfCfgInstr *in = wf_block_add(j, WF_PSEUDO_JUMP, 0, last->loc);
            if (!in) return -1;
            last = &b->instrs[b->n - 1];
            in->target = last->target;
            in->except = last->except;
            j->startdepth = b->startdepth;  // informational only
            j->next = b->next;
            last->opcode = reversed_jump(last->opcode);
            last->target = b->next;
            b->next = j;
            b = j;  // skip the new block
        } else if ((last->opcode == WF_OP_FOR_ITER || last->opcode == WF_OP_SEND) && !forward) {
            wf_err_set_string(&wf_exc_SystemError, "compiler: backward FOR_ITER/SEND");
            return -1;
        }
    }
    number_blocks(g);
    // Resolve the direction of unconditional pseudo jumps.
    for (WfBlock *b = g->entry; b; b = b->next) {
        if (!b->n) continue;
        WfCfgInstr *last = &b->instrs[b->n - 1];
        bool forward = last->target && last->target->order > b->order;
        if (last->opcode == WF_PSEUDO_JUMP) last->opcode = forward ? WF_OP_JUMP_FORWARD : WF_OP_JUMP_BACKWARD;
        else if (last->opcode == WF_PSEUDO_JUMP_NO_INTERRUPT)
            last->opcode = forward ? WF_OP_JUMP_FORWARD : WF_OP_JUMP_BACKWARD_NO_INTERRUPT;
    }
    return 0;
}

static int ext_count(int oparg) { return (unsigned)oparg >= (1u << 24) ? 1 : 0; }

static int instr_size(const WfCfgInstr *in) {
    return 1 + ext_count(in->oparg) + wf_opcode_cache_units[in->opcode & 0xff];
}

static bool is_backward(int op) { return op == WF_OP_JUMP_BACKWARD || op == WF_OP_JUMP_BACKWARD_NO_INTERRUPT; }

// Computes block offsets and jump arguments; returns the code length.
static int resolve_offsets(WfCfg *g) {
    for (WfBlock *b = g->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (b->instrs[i].target) b->instrs[i].oparg = 0;
    for (;;) {
        int offset = 0;
        for (WfBlock *b = g->entry; b; b = b->next) {
            b->offset = offset;
            for (int i = 0; i < b->n; i++) offset += instr_size(&b->instrs[i]);
        }
        bool changed = false;
        for (WfBlock *b = g->entry; b; b = b->next) {
            int off = b->offset;
            for (int i = 0; i < b->n; i++) {
                WfCfgInstr *in = &b->instrs[i];
                int size = instr_size(in);
                if (in->target) {
                    int after = off + size;
                    int arg = is_backward(in->opcode) ? after - in->target->offset : in->target->offset - after;
                    if (arg < 0) {
                        wf_err_set_string(&wf_exc_SystemError, "compiler: jump in the wrong direction");
                        return -1;
                    }
                    if (ext_count(arg) != ext_count(in->oparg)) changed = true;
                    in->oparg = arg;
                }
                off += size;
            }
        }
        if (!changed) return offset;
    }
}

static WfObject *names_tuple(const WfNameList *l) {
    WfObject *t = wf_tuple_new(l->count);
    if (!t) return NULL;
    for (int i = 0; i < l->count; i++) wf_tuple_set_take(t, i, wf_newref(l->items[i]));
    return t;
}

WfCodeObject *wf_assemble_unit(WfCompiler *c, int add_none) {
    WfUnit *u = c->u;
    if (add_none && wf_cg_load_const(c, wf_None, wf_no_location) < 0) return NULL;
    if (wf_cg_addop(c, WF_OP_RETURN_VALUE, 0, wf_no_location) < 0) return NULL;

    WfCfg g;
    memset(&g, 0, sizeof g);
    WfCodeObject *co = NULL;
    int *fixed = NULL;
    uint32_t *code = NULL;
    WfCodeLocation *locs = NULL;
    uint8_t *kinds = NULL;
    WfExceptionTableEntry *table = NULL;
    WfObject *consts = NULL, *names = NULL, *lpnames = NULL;

    // Frame slots: locals, then cells that are not arguments, then free variables.
    int nlocals = u->varnames.count, ncells = u->cellvars.count, nfrees = u->freevars.count;
    fixed = wf_mem_malloc(sizeof(int) * (size_t)(ncells + nfrees + 1));
    if (!fixed) {
        wf_err_no_memory();
        goto done;
    }
    int extra = 0;
    for (int i = 0; i < ncells; i++) {
        int v = wf_namelist_find(&u->varnames, u->cellvars.items[i]);
        fixed[i] = v >= 0 ? v : nlocals + extra++;
    }
    for (int i = 0; i < nfrees; i++) fixed[ncells + i] = nlocals + extra + i;
    int nlocalsplus = nlocals + extra + nfrees;
    for (int i = 0; i < u->ninstrs; i++) {
        WfInstr *in = &u->instrs[i];
        if (is_deref_op(in->opcode)) {
            if (in->oparg < 0 || in->oparg >= ncells + nfrees) {
                wf_err_set_string(&wf_exc_SystemError, "compiler: bad cell index");
                goto done;
            }
            in->oparg = fixed[in->oparg];
        }
    }

    int flags = compute_code_flags(c);
    int nparams = u->argcount + u->posonlyargcount + u->kwonlyargcount + u->ste->varargs + u->ste->varkeywords;
    int maxdepth = wf_cfg_build_and_optimize(c, &g, flags, nlocals, nparams, fixed, ncells, nfrees);
    if (maxdepth < 0) goto done;
    if (normalize_jumps(&g) < 0) goto done;
    int ncode = resolve_offsets(&g);
    if (ncode < 0) goto done;

    code = wf_mem_calloc((size_t)ncode + 1, sizeof(uint32_t));
    locs = wf_mem_malloc(sizeof(WfCodeLocation) * ((size_t)ncode + 1));
    if (!code || !locs) {
        wf_err_no_memory();
        goto done;
    }
    int ntable = 0, captable = 0;
    int pos = 0;
    WfBlock *cur_handler = NULL;
    int run_start = 0;
    for (WfBlock *b = g.entry;; b = b->next) {
        for (int i = 0; b && i < b->n; i++) {
            WfCfgInstr *in = &b->instrs[i];
            if (in->except != cur_handler || false) {
                if (cur_handler && pos > run_start) {
                    if (ntable == captable) {
                        captable = captable ? captable * 2 : 8;
                        WfExceptionTableEntry *nt = wf_mem_realloc(table, sizeof(*table) * (size_t)captable);
                        if (!nt) {
                            wf_err_no_memory();
                            goto done;
                        }
                        table = nt;
                    }
                    table[ntable++] = (WfExceptionTableEntry){
                        (uint32_t)run_start, (uint32_t)pos, (uint32_t)cur_handler->offset,
                        (uint16_t)(cur_handler->startdepth - 1 - cur_handler->preserve_lasti),
                        (uint16_t)cur_handler->preserve_lasti };
                }
                cur_handler = in->except;
                run_start = pos;
            }
            int size = instr_size(in);
            int arg = in->oparg;
            int start = pos;
            if (ext_count(arg)) code[pos++] = WF_INSTR(WF_OP_EXTENDED_ARG, (uint32_t)arg >> 24);
            code[pos++] = WF_INSTR(in->opcode, (uint32_t)arg & 0xFFFFFF);
            pos += wf_opcode_cache_units[in->opcode & 0xff];
            for (int k = start; k < start + size; k++) locs[k] = in->loc;
        }
        if (!b) break;
    }
    if (cur_handler && pos > run_start) {
        if (ntable == captable) {
            captable = captable ? captable * 2 : 8;
            WfExceptionTableEntry *nt = wf_mem_realloc(table, sizeof(*table) * (size_t)captable);
            if (!nt) {
                wf_err_no_memory();
                goto done;
            }
            table = nt;
        }
        table[ntable++] = (WfExceptionTableEntry){
            (uint32_t)run_start, (uint32_t)pos, (uint32_t)cur_handler->offset,
            (uint16_t)(cur_handler->startdepth - 1 - cur_handler->preserve_lasti),
            (uint16_t)cur_handler->preserve_lasti };
    }

    consts = wf_tuple_new(u->nconsts);
    if (!consts) goto done;
    for (int i = 0; i < u->nconsts; i++) wf_tuple_set_take(consts, i, wf_newref(u->consts[i]));
    names = names_tuple(&u->names);
    lpnames = wf_tuple_new(nlocalsplus);
    kinds = wf_mem_calloc((size_t)nlocalsplus + 1, 1);
    if (!names || !lpnames || !kinds) {
        if (!kinds) wf_err_no_memory();
        goto done;
    }
    for (int i = 0; i < nlocals; i++) {
        wf_tuple_set_take(lpnames, i, wf_newref(u->varnames.items[i]));
        kinds[i] = WF_CO_FAST_LOCAL;
    }
    for (int i = 0; i < ncells; i++) {
        if (fixed[i] < nlocals) {
            kinds[fixed[i]] |= WF_CO_FAST_CELL;
        } else {
            wf_tuple_set_take(lpnames, fixed[i], wf_newref(u->cellvars.items[i]));
            kinds[fixed[i]] = WF_CO_FAST_CELL;
        }
    }
    for (int i = 0; i < nfrees; i++) {
        wf_tuple_set_take(lpnames, fixed[ncells + i], wf_newref(u->freevars.items[i]));
        kinds[fixed[ncells + i]] = WF_CO_FAST_FREE;
    }

    WfCodeObject f;
    memset(&f, 0, sizeof f);
    f.co_argcount = u->argcount + u->posonlyargcount;
    f.co_posonlyargcount = u->posonlyargcount;
    f.co_kwonlyargcount = u->kwonlyargcount;
    f.co_flags = flags;
    f.co_nlocalsplus = nlocalsplus;
    f.co_nlocals = nlocals;
    f.co_ncellvars = ncells;
    f.co_nfreevars = nfrees;
    f.co_stacksize = maxdepth;
    f.co_firstlineno = u->firstlineno;
    f.co_consts = consts;
    f.co_names = names;
    f.co_localsplusnames = lpnames;
    f.co_localspluskinds = kinds;
    f.co_filename = c->cs->filename;
    f.co_name = u->name;
    f.co_qualname = u->qualname;
    f.co_code = code;
    f.co_ncode = ncode;
    f.co_locations = locs;
    f.co_exceptiontable = table;
    f.co_nexceptiontable = ntable;
    co = wf_code_new(&f);
    // wf_code_new took the arrays (also on failure).
    code = NULL;
    locs = NULL;
    kinds = NULL;
    table = NULL;
done:
    WF_XDECREF(consts);
    WF_XDECREF(names);
    WF_XDECREF(lpnames);
    wf_mem_free(code);
    wf_mem_free(locs);
    wf_mem_free(kinds);
    wf_mem_free(table);
    wf_mem_free(fixed);
    wf_cfg_free(&g);
    return co;
}

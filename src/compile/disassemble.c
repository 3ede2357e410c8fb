// disassemble.c — a `dis`-like listing of code objects (for `-X dis` and for
// debugging the compiler). Offsets are in 32-bit code units; inline caches
// are skipped; EXTENDED_ARG prefixes are folded into the argument shown.
//
// Invariant: read-only over the code object; never raises (errors while
// formatting a constant print as "?").
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "vm/opcodes.h"

static void print_obj(FILE *out, WfObject *o) {
    WfObject *r = wf_object_repr(o);
    const char *s = r ? wf_str_as_utf8_borrow(r) : NULL;
    fputs(s ? s : "?", out);
    if (!s) wf_err_clear();
    WF_XDECREF(r);
}

static void print_str(FILE *out, WfObject *o) {
    const char *s = wf_str_as_utf8_borrow(o);
    fputs(s ? s : "?", out);
    if (!s) wf_err_clear();
}

static const char *binop_symbol(int arg) {
    static const char *const syms[] = {
#define WF_SYM(name, sym) sym,
        WF_BINOPS(WF_SYM)
#undef WF_SYM
    };
    return arg >= 0 && arg < (int)(sizeof syms / sizeof syms[0]) ? syms[arg] : "?";
}

static const char *intrinsic1_name(int arg) {
    static const char *const names[] = { "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
                                         "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP",
                                         "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE" };
    return arg >= 0 && arg < 7 ? names[arg] : "?";
}

static bool is_jump(int op) {
    switch (op) {
    case WF_OP_JUMP_FORWARD: case WF_OP_JUMP_BACKWARD: case WF_OP_JUMP_BACKWARD_NO_INTERRUPT:
    case WF_OP_POP_JUMP_IF_FALSE: case WF_OP_POP_JUMP_IF_TRUE: case WF_OP_POP_JUMP_IF_NONE:
    case WF_OP_POP_JUMP_IF_NOT_NONE: case WF_OP_FOR_ITER: case WF_OP_SEND:
        return true;
    default:
        return false;
    }
}

static bool is_local_op(int op) {
    return op == WF_OP_LOAD_FAST || op == WF_OP_LOAD_FAST_CHECK || op == WF_OP_LOAD_FAST_AND_CLEAR ||
           op == WF_OP_STORE_FAST || op == WF_OP_DELETE_FAST || op == WF_OP_LOAD_DEREF || op == WF_OP_STORE_DEREF ||
           op == WF_OP_DELETE_DEREF || op == WF_OP_LOAD_CLOSURE || op == WF_OP_MAKE_CELL ||
           op == WF_OP_LOAD_FROM_DICT_OR_DEREF;
}

static bool is_name_op(int op) {
    return op == WF_OP_LOAD_NAME || op == WF_OP_STORE_NAME || op == WF_OP_DELETE_NAME || op == WF_OP_STORE_ATTR ||
           op == WF_OP_DELETE_ATTR || op == WF_OP_STORE_GLOBAL || op == WF_OP_DELETE_GLOBAL ||
           op == WF_OP_IMPORT_NAME || op == WF_OP_IMPORT_FROM || op == WF_OP_LOAD_FROM_DICT_OR_GLOBALS;
}

// Decode the instruction at unit i: returns the unit index of the next one.
static wf_ssize decode(WfCodeObject *co, wf_ssize i, int *op, uint32_t *arg) {
    uint32_t ext = 0;
    for (;;) {
        uint32_t u = co->co_code[i++];
        int o = (int)WF_INSTR_OP(u);
        if (o == WF_OP_EXTENDED_ARG) {
            ext = (ext << 24) | WF_INSTR_ARG(u);
            continue;
        }
        *op = o;
        *arg = (ext << 24) | WF_INSTR_ARG(u);
        return i + wf_opcode_cache_units[o];
    }
}

static wf_ssize jump_target(int op, uint32_t arg, wf_ssize next) {
    if (op == WF_OP_JUMP_BACKWARD || op == WF_OP_JUMP_BACKWARD_NO_INTERRUPT) return next - (wf_ssize)arg;
    return next + (wf_ssize)arg;
}

static void argrepr(WfCodeObject *co, FILE *out, int op, uint32_t arg, wf_ssize next) {
    if (op == WF_OP_LOAD_CONST || op == WF_OP_RETURN_CONST || op == WF_OP_KW_NAMES) {
        if (arg < (uint32_t)wf_tuple_size(co->co_consts)) print_obj(out, wf_tuple_get_borrow(co->co_consts, arg));
    } else if (op == WF_OP_LOAD_GLOBAL) {
        if (arg & 1) fputs("NULL + ", out);
        if ((arg >> 1) < (uint32_t)wf_tuple_size(co->co_names)) print_str(out, wf_tuple_get_borrow(co->co_names, arg >> 1));
    } else if (op == WF_OP_LOAD_ATTR) {
        if (arg & 1) fputs("NULL|self + ", out);
        if ((arg >> 1) < (uint32_t)wf_tuple_size(co->co_names)) print_str(out, wf_tuple_get_borrow(co->co_names, arg >> 1));
    } else if (op == WF_OP_LOAD_SUPER_ATTR) {
        if (arg & 1) fputs("NULL|self + ", out);
        if ((arg >> 2) < (uint32_t)wf_tuple_size(co->co_names)) print_str(out, wf_tuple_get_borrow(co->co_names, arg >> 2));
    } else if (is_name_op(op)) {
        if (arg < (uint32_t)wf_tuple_size(co->co_names)) print_str(out, wf_tuple_get_borrow(co->co_names, arg));
    } else if (is_local_op(op)) {
        if (arg < (uint32_t)co->co_nlocalsplus) print_str(out, wf_tuple_get_borrow(co->co_localsplusnames, arg));
    } else if (is_jump(op)) {
        fprintf(out, "to %ld", (long)jump_target(op, arg, next));
    } else if (op == WF_OP_BINARY_OP) {
        fputs(binop_symbol((int)arg), out);
    } else if (op == WF_OP_COMPARE_OP) {
        static const char *const cmp[] = { "<", "<=", "==", "!=", ">", ">=" };
        fputs((arg >> 4) < 6 ? cmp[arg >> 4] : "?", out);
    } else if (op == WF_OP_IS_OP) {
        fputs(arg ? "is not" : "is", out);
    } else if (op == WF_OP_CONTAINS_OP) {
        fputs(arg ? "not in" : "in", out);
    } else if (op == WF_OP_CALL_INTRINSIC_1) {
        fputs(intrinsic1_name((int)arg), out);
    } else if (op == WF_OP_CALL_INTRINSIC_2) {
        fputs(arg == 1 ? "INTRINSIC_PREP_RERAISE_STAR" : "?", out);
    } else if (op == WF_OP_MAKE_FUNCTION) {
        static const char *const fl[] = { "defaults", "kwdefaults", "annotations", "closure" };
        bool first = true;
        for (int k = 0; k < 4; k++)
            if (arg & (1u << k)) {
                fprintf(out, "%s%s", first ? "" : ", ", fl[k]);
                first = false;
            }
    } else if (op == WF_OP_FORMAT_VALUE) {
        static const char *const conv[] = { "", "str", "repr", "ascii" };
        fputs(conv[arg & 3], out);
        if (arg & WF_FVS_HAVE_SPEC) fputs((arg & 3) ? ", with format" : "with format", out);
    }
}

static void disassemble_one(WfCodeObject *co, FILE *out) {
    wf_ssize n = co->co_ncode;
    char *targets = wf_mem_calloc((size_t)n + 1, 1);
    if (targets) {
        for (wf_ssize i = 0; i < n;) {
            int op;
            uint32_t arg;
            wf_ssize next = decode(co, i, &op, &arg);
            if (is_jump(op)) {
                wf_ssize t = jump_target(op, arg, next);
                if (t >= 0 && t <= n) targets[t] = 1;
            }
            i = next;
        }
        for (int k = 0; k < co->co_nexceptiontable; k++)
            if (co->co_exceptiontable[k].target <= (uint32_t)n) targets[co->co_exceptiontable[k].target] = 1;
    }
    int last_line = -2;
    for (wf_ssize i = 0; i < n;) {
        int op;
        uint32_t arg;
        wf_ssize start = i;
        wf_ssize next = decode(co, i, &op, &arg);
        int line = co->co_locations ? co->co_locations[start].line : -1;
        char linebuf[16] = "   ";
        if (line != last_line) {
            if (last_line != -2) fputc('\n', out);
            if (line >= 0) snprintf(linebuf, sizeof linebuf, "%3d", line);
            last_line = line;
        }
        const char *opname = wf_opcode_names[op] ? wf_opcode_names[op] : "?";
        bool has_arg = op >= WF_OP_COPY || op == WF_OP_RESUME || op == WF_OP_RETURN_CONST;
        switch (op) {
        case WF_OP_CACHE: case WF_OP_NOP: case WF_OP_POP_TOP: case WF_OP_PUSH_NULL: case WF_OP_END_FOR:
        case WF_OP_END_SEND: case WF_OP_UNARY_NEGATIVE: case WF_OP_UNARY_NOT: case WF_OP_UNARY_INVERT:
        case WF_OP_GET_ITER: case WF_OP_GET_YIELD_FROM_ITER: case WF_OP_BINARY_SUBSCR: case WF_OP_BINARY_SLICE:
        case WF_OP_STORE_SLICE: case WF_OP_STORE_SUBSCR: case WF_OP_DELETE_SUBSCR: case WF_OP_RETURN_VALUE:
        case WF_OP_RETURN_GENERATOR: case WF_OP_SETUP_ANNOTATIONS: case WF_OP_POP_EXCEPT:
        case WF_OP_PUSH_EXC_INFO: case WF_OP_CHECK_EXC_MATCH: case WF_OP_CHECK_EG_MATCH: case WF_OP_CLEANUP_THROW:
        case WF_OP_BEFORE_WITH: case WF_OP_WITH_EXCEPT_START: case WF_OP_LOAD_ASSERTION_ERROR:
        case WF_OP_LOAD_BUILD_CLASS: case WF_OP_LOAD_LOCALS: case WF_OP_GET_AITER: case WF_OP_GET_ANEXT:
        case WF_OP_END_ASYNC_FOR: case WF_OP_BEFORE_ASYNC_WITH: case WF_OP_GET_LEN: case WF_OP_MATCH_MAPPING:
        case WF_OP_MATCH_SEQUENCE: case WF_OP_MATCH_KEYS:
            has_arg = false;
            break;
        default:
            has_arg = true;
        }
        fprintf(out, "%s    %s %4ld %s", linebuf, targets && targets[start] ? ">>" : "  ", (long)start, opname);
        if (has_arg) {
            int pad = 20 - (int)strlen(opname);
            fprintf(out, "%*s %5u", pad > 0 ? pad : 0, "", arg);
            char *rep = NULL;
            size_t replen = 0;
            FILE *r = open_memstream(&rep, &replen);
            if (r) {
                argrepr(co, r, op, arg, next);
                fclose(r);
                if (replen) fprintf(out, " (%s)", rep);
                free(rep);
            }
        }
        fputc('\n', out);
        i = next;
    }
    if (co->co_nexceptiontable) {
        fputs("ExceptionTable:\n", out);
        for (int k = 0; k < co->co_nexceptiontable; k++) {
            WfExceptionTableEntry *e = &co->co_exceptiontable[k];
            // Print the start of the last instruction covered, as dis does.
            wf_ssize last = e->start;
            for (wf_ssize i = e->start; i < (wf_ssize)e->end;) {
                int op;
                uint32_t arg;
                last = i;
                i = decode(co, i, &op, &arg);
            }
            fprintf(out, "  %u to %ld -> %u [%u]%s\n", e->start, (long)last, e->target, e->depth,
                    e->push_lasti ? " lasti" : "");
        }
    }
    wf_mem_free(targets);
}

void wf_compile_disassemble(WfCodeObject *co, FILE *out) {
    disassemble_one(co, out);
    WfObject *consts = co->co_consts;
    for (wf_ssize i = 0; i < wf_tuple_size(consts); i++) {
        WfObject *k = wf_tuple_get_borrow(consts, i);
        if (wf_type_of(k) != &wf_code_type) continue;
        fputs("\nDisassembly of ", out);
        print_obj(out, k);
        fputs(":\n", out);
        wf_compile_disassemble((WfCodeObject *)k, out);
    }
}

// code.c — the code object type: construction from the assembler's fields,
// the Python-visible co_* attributes, repr, and location lookup.
//
// Invariant: a code object owns its arrays (co_code, co_locations,
// co_localspluskinds, co_exceptiontable: wf_mem_malloc'd, freed in dealloc)
// and one reference to each object field; it is immutable after creation
// apart from co_code units rewritten by the VM's specializer (aligned 32-bit
// stores), and deferred-refcounted from birth.
#include <stdio.h>
#include <string.h>

#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "vm/frame.h"

#define CODE(o) ((WfCodeObject *)(o))

WfCodeObject *wf_code_new(const WfCodeObject *fields) {
    WfCodeObject *co = (WfCodeObject *)wf_object_alloc(&wf_code_type);
    if (!co) {
        wf_mem_free(fields->co_code);
        wf_mem_free(fields->co_locations);
        wf_mem_free(fields->co_localspluskinds);
        wf_mem_free(fields->co_exceptiontable);
        return NULL;
    }
    WfObject base = co->ob_base;
    *co = *fields;
    co->ob_base = base;
    wf_incref(co->co_consts);
    wf_incref(co->co_names);
    wf_incref(co->co_localsplusnames);
    wf_incref(co->co_filename);
    wf_incref(co->co_name);
    wf_incref(co->co_qualname);
    co->co_framesize = (int)wf_frame_size_slots(co);
    co->co_extra = NULL;
    wf_object_set_deferred((WfObject *)co);
    return co;
}

static void code_dealloc(WfObject *o) {
    WfCodeObject *co = CODE(o);
    wf_xdecref(co->co_consts);
    wf_xdecref(co->co_names);
    wf_xdecref(co->co_localsplusnames);
    wf_xdecref(co->co_filename);
    wf_xdecref(co->co_name);
    wf_xdecref(co->co_qualname);
    wf_mem_free(co->co_code);
    wf_mem_free(co->co_locations);
    wf_mem_free(co->co_localspluskinds);
    wf_mem_free(co->co_exceptiontable);
    o->ob_type->tp_free(o);
}

WfCodeLocation wf_code_location(const WfCodeObject *co, wf_ssize index) {
    if (index < 0 || index >= co->co_ncode || !co->co_locations) {
        WfCodeLocation none = { -1, -1, -1, -1 };
        return none;
    }
    return co->co_locations[index];
}

int wf_code_line_at(const WfCodeObject *co, wf_ssize index) { return wf_code_location(co, index).line; }

static WfObject *code_repr(WfObject *o) {
    WfCodeObject *co = CODE(o);
    return wf_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name, o, co->co_filename,
                              co->co_firstlineno);
}

// Names of the slots whose kind matches `kind` (exactly for locals: any slot with LOCAL).
static WfObject *names_of_kind(WfCodeObject *co, int kind) {
    int n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (co->co_localspluskinds[i] & kind) n++;
    WfObject *t = wf_tuple_new(n);
    if (!t) return NULL;
    int k = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (co->co_localspluskinds[i] & kind)
            wf_tuple_set_take(t, k++, wf_newref(wf_tuple_get_borrow(co->co_localsplusnames, i)));
    return t;
}

static WfObject *code_get_varnames(WfObject *o, void *c) { return names_of_kind(CODE(o), WF_CO_FAST_LOCAL); }
static WfObject *code_get_cellvars(WfObject *o, void *c) { return names_of_kind(CODE(o), WF_CO_FAST_CELL); }
static WfObject *code_get_freevars(WfObject *o, void *c) { return names_of_kind(CODE(o), WF_CO_FAST_FREE); }

// co_code: the code units as little-endian bytes (4 per unit).
static WfObject *code_get_code(WfObject *o, void *c) {
    WfCodeObject *co = CODE(o);
    WfObject *b = wf_bytes_from_data(NULL, co->co_ncode * 4);
    if (!b) return NULL;
    unsigned char *p = (unsigned char *)wf_bytes_data(b);
    for (wf_ssize i = 0; i < co->co_ncode; i++) {
        uint32_t u = __atomic_load_n(&co->co_code[i], __ATOMIC_RELAXED);
        p[4 * i] = (unsigned char)u;
        p[4 * i + 1] = (unsigned char)(u >> 8);
        p[4 * i + 2] = (unsigned char)(u >> 16);
        p[4 * i + 3] = (unsigned char)(u >> 24);
    }
    return b;
}

static WfObject *code_get_nlocals(WfObject *o, void *c) { return wf_smallint_new(CODE(o)->co_nlocals); }

// co_lines(): (start, end, line) triples over byte offsets, as CPython (4 bytes per unit here).
static WfObject *code_co_lines(WfObject *o, WfObject *unused) {
    WfCodeObject *co = CODE(o);
    WfObject **items = wf_mem_malloc(sizeof(WfObject *) * ((size_t)co->co_ncode + 1));
    if (!items) return wf_err_no_memory();
    wf_ssize n = 0;
    wf_ssize start = 0;
    for (wf_ssize i = 1; i <= co->co_ncode; i++) {
        if (i < co->co_ncode && co->co_locations[i].line == co->co_locations[start].line) continue;
        int line = co->co_locations[start].line;
        WfObject *t = wf_tuple_pack(3, wf_smallint_new(start * 4), wf_smallint_new(i * 4),
                                    line < 0 ? wf_None : wf_smallint_new(line));
        if (!t) {
            for (wf_ssize k = 0; k < n; k++) wf_decref(items[k]);
            wf_mem_free(items);
            return NULL;
        }
        items[n++] = t;
        start = i;
    }
    WfObject *tuple = wf_tuple_from_array_take(items, n);
    wf_mem_free(items);
    if (!tuple) return NULL;
    WfObject *it = wf_object_get_iter(tuple);
    wf_decref(tuple);
    return it;
}

static const WfMethodDef code_methods[] = {
    WF_METHOD("co_lines", code_co_lines, WF_METH_NOARGS, NULL),
    WF_METHOD_END,
};

static const WfGetSetDef code_getset[] = {
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {"_co_code_adaptive", code_get_code, NULL, NULL, NULL},
    {"co_nlocals", code_get_nlocals, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const WfMemberDef code_members[] = {
    {"co_argcount", WF_T_INT, offsetof(WfCodeObject, co_argcount), WF_MEMBER_READONLY, NULL},
    {"co_posonlyargcount", WF_T_INT, offsetof(WfCodeObject, co_posonlyargcount), WF_MEMBER_READONLY, NULL},
    {"co_kwonlyargcount", WF_T_INT, offsetof(WfCodeObject, co_kwonlyargcount), WF_MEMBER_READONLY, NULL},
    {"co_stacksize", WF_T_INT, offsetof(WfCodeObject, co_stacksize), WF_MEMBER_READONLY, NULL},
    {"co_flags", WF_T_INT, offsetof(WfCodeObject, co_flags), WF_MEMBER_READONLY, NULL},
    {"co_firstlineno", WF_T_INT, offsetof(WfCodeObject, co_firstlineno), WF_MEMBER_READONLY, NULL},
    {"co_consts", WF_T_OBJECT, offsetof(WfCodeObject, co_consts), WF_MEMBER_READONLY, NULL},
    {"co_names", WF_T_OBJECT, offsetof(WfCodeObject, co_names), WF_MEMBER_READONLY, NULL},
    {"co_filename", WF_T_OBJECT, offsetof(WfCodeObject, co_filename), WF_MEMBER_READONLY, NULL},
    {"co_name", WF_T_OBJECT, offsetof(WfCodeObject, co_name), WF_MEMBER_READONLY, NULL},
    {"co_qualname", WF_T_OBJECT, offsetof(WfCodeObject, co_qualname), WF_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

WfTypeObject wf_code_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "code",
    .tp_basicsize = sizeof(WfCodeObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
};

int wf_code_init(void) { return wf_type_ready(&wf_code_type); }

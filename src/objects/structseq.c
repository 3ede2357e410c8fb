// structseq.c — struct sequence types (see structseq.h). Invariant: a
// structseq instance is a tuple of exactly as many items as its type has
// fields; field i reads item i.
#include "objects/structseq.h"

#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

typedef struct {
    WfTypeObject type;
    int nfields;
    const char *const *fields;
    WfGetSetDef getset[];
} StructSeqType;

static WfObject *get_field(WfObject *self, void *closure) {
    return wf_newref(wf_tuple_get_borrow(self, (wf_ssize)(intptr_t)closure));
}

static WfObject *structseq_repr(WfObject *self) {
    StructSeqType *st = (StructSeqType *)wf_type_of(self);
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_append_ascii(&b, st->type.tp_name) < 0 || wf_str_builder_append_char(&b, '(') < 0) goto error;
    for (int i = 0; i < st->nfields; i++) {
        if (i && wf_str_builder_append_ascii(&b, ", ") < 0) goto error;
        if (wf_str_builder_append_ascii(&b, st->fields[i]) < 0 || wf_str_builder_append_char(&b, '=') < 0) goto error;
        WfObject *r = wf_object_repr(wf_tuple_get_borrow(self, i));
        if (!r) goto error;
        int ok = wf_str_builder_append_str(&b, r);
        wf_decref(r);
        if (ok < 0) goto error;
    }
    if (wf_str_builder_append_char(&b, ')') < 0) goto error;
    return wf_str_builder_finish(&b);
error:
    wf_str_builder_discard(&b);
    return NULL;
}

WfTypeObject *wf_structseq_new_type(const char *name, const char *const *fields) {
    int n = 0;
    while (fields[n]) n++;
    StructSeqType *st = wf_mem_calloc(1, sizeof *st + (size_t)(n + 1) * sizeof(WfGetSetDef));
    if (!st) return (WfTypeObject *)wf_err_no_memory();
    st->nfields = n;
    st->fields = fields;
    for (int i = 0; i < n; i++) st->getset[i] = (WfGetSetDef){fields[i], get_field, NULL, NULL, (void *)(intptr_t)i};
    WfTypeObject *t = &st->type;
    t->ob_base = (WfVarObject)WF_STATIC_VAR_HEAD(&wf_type_type, 0);
    t->tp_name = name;
    t->tp_basicsize = wf_tuple_type.tp_basicsize;
    t->tp_itemsize = wf_tuple_type.tp_itemsize;
    t->tp_flags = WF_TPFLAGS_TUPLE_SUBCLASS | WF_TPFLAGS_DISALLOW_INSTANTIATION;
    t->tp_base = &wf_tuple_type;
    t->tp_repr = structseq_repr;
    t->tp_getset = st->getset;
    if (wf_type_ready(t) < 0) return NULL;
    return t;
}

WfObject *wf_structseq_new(WfTypeObject *type, WfObject **values) {
    StructSeqType *st = (StructSeqType *)type;
    WfObject *o = wf_object_alloc_var(type, st->nfields);
    if (!o) {
        for (int i = 0; i < st->nfields; i++) wf_decref(values[i]);
        return NULL;
    }
    for (int i = 0; i < st->nfields; i++) wf_tuple_set_take(o, i, values[i]);
    return o;
}

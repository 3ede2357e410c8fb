// range_iter.c — the VM's private range iterator: GET_ITER over an exact
// range whose start, stop, step and length are small ints creates it, and
// FOR_ITER advances it inline (no allocation per value).
//
// Invariant: `next` is the next value to produce while `remaining` > 0; all
// produced values lie between the range's start and stop, so they are small
// ints, and next + step never overflows 64 bits. The object is only reachable
// from one frame's evaluation stack (or a generator's, which one thread runs
// at a time), so its fields need no synchronization.
#include "objects/range.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"

static WfObject *range_iter_self(WfObject *self) { return wf_newref(self); }

WfObject *wf_vm_range_iter_new(WfObject *range) {
    WfRangeObject *r = (WfRangeObject *)range;
    if (!wf_is_smallint(r->start) || !wf_is_smallint(r->stop) || !wf_is_smallint(r->step) || !wf_is_smallint(r->length))
        return NULL;
    WfVmRangeIterObject *it = (WfVmRangeIterObject *)wf_object_alloc(&wf_vm_range_iter_type);
    if (!it) {
        wf_err_clear();
        return NULL;
    }
    it->next = wf_smallint_value(r->start);
    it->step = wf_smallint_value(r->step);
    it->remaining = wf_smallint_value(r->length);
    return (WfObject *)it;
}

static void range_iter_dealloc(WfObject *self) { self->ob_type->tp_free(self); }

static WfObject *range_iter_next(WfObject *self) {
    WfVmRangeIterObject *it = (WfVmRangeIterObject *)self;
    if (it->remaining <= 0) return NULL;
    intptr_t v = it->next;
    it->next = v + it->step;
    it->remaining--;
    return wf_smallint_new(v);
}

static WfObject *range_iter_length_hint(WfObject *self, WfObject *unused) {
    WfVmRangeIterObject *it = (WfVmRangeIterObject *)self;
    return wf_smallint_new(it->remaining > 0 ? it->remaining : 0);
}

static const WfMethodDef range_iter_methods[] = {
    WF_METHOD("__length_hint__", range_iter_length_hint, WF_METH_NOARGS, "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_vm_range_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(WfVmRangeIterObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = range_iter_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = range_iter_self,
    .tp_iternext = range_iter_next,
    .tp_methods = range_iter_methods,
};

int wf_vm_range_iter_init(void) { return wf_type_ready(&wf_vm_range_iter_type); }

// specialize.c — the specializer: rewrites adaptive instructions (LOAD_GLOBAL,
// LOAD_ATTR, STORE_ATTR) into specialized forms once their operands are
// known, following the publication protocol of specialize.h.
//
// Invariant: a specializer only writes an instruction's cache while it owns
// cache unit 0 (compare-and-swapped to WF_CACHE_BUSY; LOAD_GLOBAL's caches are
// self-validating and written without it), writes the opcode unit last with a
// release store, and never raises: failures leave the generic form with a
// backoff counter.
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "vm/specialize.h"

static void set_opcode(uint32_t *instr, int op) {
    uint32_t u = __atomic_load_n(instr, __ATOMIC_RELAXED);
    // Release: the cache units written before are visible to a thread that
    // sees the new opcode (each specialized form also re-validates them).
    __atomic_store_n(instr, (u & ~0xffu) | (uint32_t)op, __ATOMIC_RELEASE);
}

// Take the cache (unit 0 := BUSY); *prev receives what unit 0 held.
static bool cache_acquire(uint32_t *cache0, uint32_t *prev) {
    uint32_t c = __atomic_load_n(cache0, __ATOMIC_RELAXED);
    if (c == WF_CACHE_BUSY || c == WF_CACHE_GAVE_UP) return false;
    *prev = c;
    // acq_rel: acquire keeps our cache writes after taking ownership; release
    // orders the BUSY marker before them for seqlock readers.
    return __atomic_compare_exchange_n(cache0, &c, WF_CACHE_BUSY, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

// After a failed attempt: wait twice as long as last time, or give up.
// `prev` is the counter the attempt started from (anything else: a first
// failure).
static void cache_backoff(uint32_t *cache0, uint32_t prev) {
    uint32_t failures = 0;
    if ((prev & WF_CACHE_COUNTER_BIT) && prev != WF_CACHE_BUSY) failures = (prev >> WF_CACHE_FAILURE_SHIFT) & 15u;
    failures++;
    uint32_t v = failures >= WF_CACHE_MAX_FAILURES
                     ? WF_CACHE_GAVE_UP
                     : WF_CACHE_COUNTER_BIT | (failures << WF_CACHE_FAILURE_SHIFT) | (WF_CACHE_BACKOFF << (failures - 1));
    __atomic_store_n(cache0, v, __ATOMIC_RELEASE);
}

static void cache_publish(uint32_t *instr, uint32_t key, uint32_t aux, uintptr_t ptr, int op) {
    uint32_t *cache = instr + 1;
    __atomic_store_n(&cache[1], aux, __ATOMIC_RELAXED);
    if (wf_opcode_cache_units[op] >= 4) {
        __atomic_store_n(&cache[2], (uint32_t)ptr, __ATOMIC_RELAXED);
        __atomic_store_n(&cache[3], (uint32_t)((uint64_t)ptr >> 32), __ATOMIC_RELAXED);
    }
    // Release: the data above happens-before a reader's acquire of the key.
    __atomic_store_n(&cache[0], key, __ATOMIC_RELEASE);
    set_opcode(instr, op);
}

void wf_specialize_deopt(uint32_t *instr, int generic_op) {
    uint32_t u = __atomic_load_n(instr, __ATOMIC_RELAXED);
    if ((int)WF_INSTR_OP(u) == generic_op) return;
    uint32_t *cache0 = instr + 1, prev;
    if (!cache_acquire(cache0, &prev)) return;
    set_opcode(instr, generic_op);
    cache_backoff(cache0, 0);  // a deoptimization starts the backoff over
}

// ---------------------------------------------------------------------------
// LOAD_GLOBAL

void wf_specialize_load_global(uint32_t *instr, WfFrame *f, WfObject *name) {
    uint32_t *cache = instr + 1;
    uint32_t prev = __atomic_load_n(cache, __ATOMIC_RELAXED);
    WfObject *g = f->globals, *b = f->builtins;
    if (!g || !b || !wf_dict_check_exact(g) || !wf_dict_check_exact(b)) goto fail;
    wf_ssize idx = wf_dict_lookup_index(g, name);
    int op;
    if (idx >= 0) {
        op = WF_OP_LOAD_GLOBAL_MODULE;
    } else {
        idx = wf_dict_lookup_index(b, name);
        if (idx < 0) goto fail;
        op = WF_OP_LOAD_GLOBAL_BUILTIN;
    }
    if (idx > (wf_ssize)UINT32_MAX) goto fail;
    // Self-validating cache: an index whose entry key is not `name` is a miss.
    __atomic_store_n(&cache[1], (uint32_t)idx, __ATOMIC_RELAXED);
    __atomic_store_n(&cache[0], 0, __ATOMIC_RELAXED);  // miss counter
    set_opcode(instr, op);
    return;
fail:
    if (wf_err_occurred()) wf_err_clear();
    cache_backoff(cache, prev);
}

void wf_specialize_global_miss(uint32_t *instr) {
    uint32_t *cache0 = instr + 1;
    uint32_t c = __atomic_load_n(cache0, __ATOMIC_RELAXED);
    if (c < 8) {
        // Racy increments between threads only delay the deoptimization.
        __atomic_store_n(cache0, c + 1, __ATOMIC_RELAXED);
        return;
    }
    wf_specialize_deopt(instr, WF_OP_LOAD_GLOBAL);
}

// ---------------------------------------------------------------------------
// LOAD_ATTR / STORE_ATTR

static WfObject *instance_dict(WfObject *o, WfTypeObject *tp) {
    if (!tp->tp_dictoffset || wf_is_smallint(o)) return NULL;
    return __atomic_load_n((WfObject **)((char *)o + tp->tp_dictoffset), __ATOMIC_ACQUIRE);
}

static bool valid_key(uint32_t v) { return v != 0 && v <= WF_CACHE_KEY_MAX; }

void wf_specialize_load_attr(uint32_t *instr, WfObject *owner, WfObject *name, int method_form) {
    uint32_t *cache = instr + 1;
    uint32_t prev;
    if (!cache_acquire(cache, &prev)) return;
    WfTypeObject *tp = wf_type_of(owner);
    uint32_t key = 0, aux = 0;
    uintptr_t ptr = 0;
    int op = 0;
    if (tp == &wf_module_type) {
        if (wf_type_lookup(&wf_module_type, name)) goto fail;
        WfObject *d = ((WfModuleObject *)owner)->dict;
        if (!d || !wf_dict_check_exact(d)) goto fail;
        wf_ssize idx = wf_dict_lookup_index(d, name);
        if (idx < 0 || idx > 0xFFFFFF) goto fail;
        key = WF_MODULE_CACHE_KEY;
        aux = WF_ATTR_KIND_MODULE | ((uint32_t)idx << 8);
        op = WF_OP_LOAD_ATTR_MODULE;
    } else if (tp == &wf_type_type) {
        WfTypeObject *t = (WfTypeObject *)owner;
        if (wf_type_lookup(&wf_type_type, name)) goto fail;
        uint32_t ver = wf_type_version(t);
        if (!valid_key(ver)) goto fail;
        WfObject *v = wf_type_lookup(t, name);
        if (!v) goto fail;
        WfTypeObject *vt = wf_type_of(v);
        if (vt->tp_descr_get) {
            if (vt == &wf_function_type) {
                // function.__get__(None, C) is the function itself.
            } else if (vt == &wf_staticmethod_type) {
                v = ((WfStaticOrClassMethodObject *)v)->callable;
                if (!v) goto fail;
            } else {
                goto fail;
            }
        }
        key = ver;
        aux = WF_ATTR_KIND_TYPE;
        ptr = (uintptr_t)v;
        op = WF_OP_LOAD_ATTR_TYPE;
    } else {
        if (tp->tp_getattro != wf_object_generic_getattr) goto fail;
        uint32_t ver = wf_type_version(tp);
        if (!valid_key(ver)) goto fail;
        key = ver;
        WfObject *descr = wf_type_lookup(tp, name);
        WfObject *dict = instance_dict(owner, tp);
        wf_ssize idx = dict ? wf_dict_lookup_index(dict, name) : -1;
        if (descr) {
            WfTypeObject *dt = wf_type_of(descr);
            if (dt == &wf_property_type) {
                // A property whose getter is a plain Python function taking
                // just self: the getter runs in the eval loop.
                WfObject *fget = ((WfPropertyObject *)descr)->fget;
                if (!fget || wf_type_of(fget) != &wf_function_type) goto fail;
                WfCodeObject *fco = (WfCodeObject *)((WfFunctionObject *)fget)->code;
                if (fco->co_argcount != 1 || fco->co_kwonlyargcount != 0 ||
                    (fco->co_flags & (WF_CO_VARARGS | WF_CO_VARKEYWORDS | WF_CO_OPTIMIZED)) != WF_CO_OPTIMIZED)
                    goto fail;
                aux = WF_ATTR_KIND_PROPERTY;
                ptr = (uintptr_t)fget;
                op = WF_OP_LOAD_ATTR_PROPERTY;
            } else if (dt->tp_descr_get && dt->tp_descr_set) {
                if (dt != &wf_member_descr_type) goto fail;
                const WfMemberDef *m = (const WfMemberDef *)((WfDescrObject *)descr)->def;
                if (m->type != WF_T_OBJECT_EX || m->offset <= 0 || m->offset > 0xFFFFFF) goto fail;
                aux = WF_ATTR_KIND_SLOT | ((uint32_t)m->offset << 8);
                op = WF_OP_LOAD_ATTR_SLOT;
            } else if (idx >= 0) {
                if (idx > 0xFFFFFF) goto fail;
                aux = WF_ATTR_KIND_INSTANCE | ((uint32_t)idx << 8);
                op = WF_OP_LOAD_ATTR_INSTANCE;
            } else if (method_form && (dt->tp_flags & WF_TPFLAGS_METHOD_DESCRIPTOR)) {
                if (tp->tp_dictoffset) {
                    aux = WF_ATTR_KIND_METHOD_WITH_DICT;
                    op = WF_OP_LOAD_ATTR_METHOD_WITH_DICT;
                } else {
                    aux = WF_ATTR_KIND_METHOD_NO_DICT;
                    op = WF_OP_LOAD_ATTR_METHOD_NO_DICT;
                }
                ptr = (uintptr_t)descr;
            } else if (!dt->tp_descr_get) {
                aux = WF_ATTR_KIND_CLASS_VALUE;
                ptr = (uintptr_t)descr;
                op = WF_OP_LOAD_ATTR_CLASS_VALUE;
            } else {
                goto fail;
            }
        } else {
            if (idx < 0 || idx > 0xFFFFFF) goto fail;
            aux = WF_ATTR_KIND_INSTANCE | ((uint32_t)idx << 8);
            op = WF_OP_LOAD_ATTR_INSTANCE;
        }
    }
    cache_publish(instr, key, aux, ptr, op);
    return;
fail:
    if (wf_err_occurred()) wf_err_clear();
    cache_backoff(cache, prev);
}

void wf_specialize_store_attr(uint32_t *instr, WfObject *owner, WfObject *name) {
    uint32_t *cache = instr + 1;
    uint32_t prev;
    if (!cache_acquire(cache, &prev)) return;
    WfTypeObject *tp = wf_type_of(owner);
    uint32_t aux;
    int op;
    if (tp->tp_setattro != wf_object_generic_setattr || tp == &wf_type_type || tp == &wf_module_type) goto fail;
    uint32_t ver = wf_type_version(tp);
    if (!valid_key(ver)) goto fail;
    WfObject *descr = wf_type_lookup(tp, name);
    if (descr && wf_type_of(descr)->tp_descr_set) {
        if (wf_type_of(descr) != &wf_member_descr_type) goto fail;
        const WfMemberDef *m = (const WfMemberDef *)((WfDescrObject *)descr)->def;
        if ((m->type != WF_T_OBJECT_EX && m->type != WF_T_OBJECT) || (m->flags & WF_MEMBER_READONLY) || m->offset <= 0 ||
            m->offset > 0xFFFFFF)
            goto fail;
        aux = WF_ATTR_KIND_STORE_SLOT | ((uint32_t)m->offset << 8);
        op = WF_OP_STORE_ATTR_SLOT;
    } else {
        if (!tp->tp_dictoffset) goto fail;
        aux = WF_ATTR_KIND_STORE_INSTANCE;
        op = WF_OP_STORE_ATTR_INSTANCE;
    }
    cache_publish(instr, ver, aux, 0, op);
    return;
fail:
    if (wf_err_occurred()) wf_err_clear();
    cache_backoff(cache, prev);
}

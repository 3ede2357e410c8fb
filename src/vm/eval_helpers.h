// eval_helpers.h — out-of-line parts of opcodes (slow paths and rarely used
// instructions), kept out of the eval loop so its hot code stays compact.
// Every function returns a new reference / 0 on success and NULL / -1 with an
// exception set on failure unless stated otherwise.
#ifndef WF_VM_EVAL_HELPERS_H
#define WF_VM_EVAL_HELPERS_H

#include "vm/eval_internal.h"
#include "vm/frame.h"

// Errors with CPython's messages (always return NULL).
WfObject *wf_vm_name_error(WfObject *name);                          // NameError: name 'x' is not defined
WfObject *wf_vm_unbound_error(WfCodeObject *co, int slot);           // UnboundLocalError / free-variable NameError

// Names.
WfObject *wf_vm_load_name(WfFrame *f, WfObject *name);
WfObject *wf_vm_load_global(WfObject *globals, WfObject *builtins, WfObject *name);
int wf_vm_store_name(WfFrame *f, WfObject *name, WfObject *v);
int wf_vm_delete_name(WfFrame *f, WfObject *name);
int wf_vm_delete_global(WfFrame *f, WfObject *name);
WfObject *wf_vm_load_from_dict_or_globals(WfFrame *f, WfObject *mapping, WfObject *name);
WfObject *wf_vm_load_from_dict_or_deref(WfFrame *f, WfObject *mapping, int slot);
WfObject *wf_vm_load_build_class(WfFrame *f);

// Operators.
WfObject *wf_vm_binary_op(int op, WfObject *a, WfObject *b);
WfObject *wf_vm_format_value(WfObject *v, int flags, WfObject *spec);
WfObject *wf_vm_build_string(WfStackRef *items, int n);
WfObject *wf_vm_build_map(WfStackRef *items, int n);
WfObject *wf_vm_build_const_key_map(WfStackRef *values, WfObject *keys, int n);
WfObject *wf_vm_build_slice(WfObject *start, WfObject *stop, WfObject *step);
WfObject *wf_vm_get_slice(WfObject *container, WfObject *start, WfObject *stop);
int wf_vm_store_slice(WfObject *container, WfObject *start, WfObject *stop, WfObject *v);
WfObject *wf_vm_subscr(WfObject *container, WfObject *sub);
int wf_vm_list_extend(WfObject *list, WfObject *iterable);
int wf_vm_dict_update(WfObject *dict, WfObject *update);
int wf_vm_dict_merge(WfObject *callable, WfObject *dict, WfObject *update);

// Unpack `seq` into out[0..before+after(+1 if star)) in stack order (the last
// element first, so out[n-1] is the first element). Returns 0 / -1.
int wf_vm_unpack(WfObject *seq, int before, int after, bool star, WfStackRef *out);

// Exceptions. wf_vm_do_raise: returns 0 for a new raise (the caller adds the
// traceback entry), 1 for a bare re-raise, -1 when raising failed (another
// exception is set; treat like 0).
int wf_vm_do_raise(WfThreadState *ts, WfObject *exc, WfObject *cause);
int wf_vm_check_except_type(WfObject *right);
WfObject *wf_vm_intrinsic1(WfThreadState *ts, WfFrame *f, int which, WfObject *v);
WfObject *wf_vm_intrinsic2(WfThreadState *ts, WfFrame *f, int which, WfObject *v1, WfObject *v2);

// with: pushes exit and the result of __enter__ (both new refs in out).
int wf_vm_before_with(WfObject *mgr, WfObject **exit, WfObject **res);
WfObject *wf_vm_with_except_start(WfObject *exit_func, WfObject *val);
int wf_vm_before_async_with(WfObject *mgr, WfObject **exit, WfObject **res);
WfObject *wf_vm_get_aiter(WfObject *o);
WfObject *wf_vm_get_anext(WfObject *aiter);

// Iteration / generators.
WfObject *wf_vm_get_iter(WfObject *o);
WfObject *wf_vm_get_yield_from_iter(WfFrame *f, WfObject *o);
WfObject *wf_vm_get_awaitable(WfObject *o, int where);
// SEND on a non-generator receiver; *returned = 1 when it finished (result is the value).
WfObject *wf_vm_send(WfObject *receiver, WfObject *v, int *returned);

// Functions and calls.
WfObject *wf_vm_make_function(WfFrame *f, WfObject *code, int flags, WfStackRef *extras);
// f(*args, **kwargs) (args may be any iterable, kwargs NULL or any mapping).
WfObject *wf_vm_call_function_ex(WfObject *func, WfObject *args, WfObject *kwargs);
// Normalize CALL_FUNCTION_EX arguments for an inlined call: *tuple_out an
// exact tuple, *dict_out NULL or an exact dict (new refs).
int wf_vm_call_ex_args(WfObject *func, WfObject *args, WfObject *kwargs, WfObject **tuple_out, WfObject **dict_out);

// Imports.
WfObject *wf_vm_import_name(WfFrame *f, WfObject *name, WfObject *fromlist, WfObject *level);
WfObject *wf_vm_import_from(WfObject *module, WfObject *name);

// super().attr: [global_super, class, self] → attribute (and method flag).
WfObject *wf_vm_load_super_attr(WfObject *global_super, WfObject *cls, WfObject *self, WfObject *name, int oparg,
                                int *is_method);

// Pattern matching.
int wf_vm_match_mapping(WfObject *subject);   // 1/0
int wf_vm_match_sequence(WfObject *subject);  // 1/0
WfObject *wf_vm_match_keys(WfObject *subject, WfObject *keys);  // tuple of values or None
WfObject *wf_vm_match_class(WfObject *subject, WfObject *type, int nargs, WfObject *kwargs);  // tuple or None

#endif

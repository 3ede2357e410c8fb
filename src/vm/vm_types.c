// vm_types.c — readies the VM's types at startup (wf_vm_init calls this):
// function, builtin function, method, cell, code, generator, coroutine,
// frame, traceback and the VM's private iterator types.
// Invariant: runs once, on the main thread, before any Python code.
#include "objects/code.h"
#include "objects/function.h"
#include "objects/typeobject.h"
#include "vm/eval_internal.h"

int wf_code_init(void);                 // objects/code.c
int wf_vm_generator_types_init(void);   // vm/generator.c
int wf_vm_range_iter_init(void);        // vm/range_iter.c
int wf_vm_asyncgen_init(void);          // vm/asyncgen.c

int wf_vm_types_init(void) {
    WfTypeObject *types[] = {&wf_function_type, &wf_builtin_function_type, &wf_method_type, &wf_cell_type,
                             &wf_frame_type, &wf_traceback_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (wf_type_ready(types[i]) < 0) return -1;
    if (wf_code_init() < 0) return -1;
    if (wf_vm_range_iter_init() < 0) return -1;
    if (wf_vm_asyncgen_init() < 0) return -1;
    return wf_vm_generator_types_init();
}

// lifecycle.h — interpreter start-up and shutdown, and the area init hooks
// called in order by wf_runtime_initialize().
#ifndef WF_LIFECYCLE_H
#define WF_LIFECYCLE_H

#include "objects/object.h"

int wf_typesystem_init(void);   // objects/object.c, typeobject.c: type, object, descriptors, module, ...
int wf_numbers_init(void);      // objects/int.c: int, bool, float, complex
int wf_strings_init(void);      // objects/str.c: str, bytes, bytearray, identifiers
int wf_containers_init(void);   // objects/list.c etc.: tuple, list, dict, set, range, slice, iterators
int wf_exceptions_init(void);   // objects/exceptions.c
int wf_vm_init(void);           // vm/: function, code, generator, frame, traceback, cell types

WfObject *wf_builtins_module_new(void);   // modules/builtins.c
WfObject *wf_sys_module_new(int argc, char **argv);  // modules/sys.c
void wf_sys_set_flag_int_max_str_digits(int n);      // modules/sys.c: before wf_sys_module_new (-1: unset)
int wf_io_init_std_streams(WfObject *sys_module);     // modules/io.c: sys.stdin/stdout/stderr
int wf_exceptions_add_to_dict(WfObject *d);

typedef struct {
    int ignore_environment, isolated, unbuffered, quiet, no_user_site, no_site, dont_write_bytecode;
    int optimize, verbose, inspect, safe_path;
    int gil;                 // -1 unset, 0, 1
    const char *hashseed;    // PYTHONHASHSEED value or NULL
    int dis;                 // -X dis: print the disassembly instead of running
    const char *program_name;
    // -X int_max_str_digits / PYTHONINTMAXSTRDIGITS (validated by main.c):
    // applied when int_max_str_digits_set; sys.flags.int_max_str_digits shows
    // it (-1 when unset, as CPython 3.11).
    int int_max_str_digits_set, int_max_str_digits;
    int no_signal_handlers;  // 1: install no signal handlers (CPython's install_signal_handlers=0, for embedding)
} WfConfig;

int wf_runtime_initialize(const WfConfig *config, int argc, char **argv);  // argv: the script's sys.argv
// Flush std streams, run atexit work, join threads; returns the exit status to use.
int wf_runtime_finalize(int status);

#endif

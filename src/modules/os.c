// os.c — a minimal native `os` module: cpu_count, process_cpu_count, getpid,
// name and sep (what concurrent.futures and the examples need). No module
// state: every function is safe from any thread.
//
// Should a fuller `os` appear as lib/os.py over a native `posix`, these
// functions move to `posix` (this native module would shadow the frozen one).
#include <sched.h>
#include <unistd.h>

#include "objects/int.h"
#include "objects/module.h"

static WfObject *os_cpu_count(WfObject *m, WfObject *unused) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? wf_int_from_long_long(n) : wf_None;
}

// The CPUs the calling thread may run on (3.13's os.process_cpu_count).
static WfObject *os_process_cpu_count(WfObject *m, WfObject *unused) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n >= 1) return wf_int_from_long_long(n);
    }
    return os_cpu_count(m, unused);
}

static WfObject *os_getpid(WfObject *m, WfObject *unused) { return wf_int_from_long_long((long long)getpid()); }

static const WfMethodDef os_functions[] = {
    WF_METHOD("cpu_count", os_cpu_count, WF_METH_NOARGS,
              "cpu_count($module, /)\n--\n\nReturn the number of logical CPUs in the system.\n\n"
              "Return None if indeterminable."),
    WF_METHOD("process_cpu_count", os_process_cpu_count, WF_METH_NOARGS,
              "process_cpu_count($module, /)\n--\n\n"
              "Get the number of CPUs the current process can use.\n\nReturn None if indeterminable."),
    WF_METHOD("getpid", os_getpid, WF_METH_NOARGS, "getpid($module, /)\n--\n\nReturn the current process id."),
    WF_METHOD_END,
};

static int os_exec(WfObject *m) {
    if (wf_module_add_str(m, "name", "posix") < 0 || wf_module_add_str(m, "sep", "/") < 0) return -1;
    return 0;
}

static const WfModuleDef os_def = {
    .name = "os",
    .doc = "OS routines for NT or Posix depending on what system we're on.",
    .methods = os_functions,
    .exec = os_exec,
    .gil_not_used = 1,
};

WfObject *wf_os_module_new(void) { return wf_module_from_def(&os_def); }

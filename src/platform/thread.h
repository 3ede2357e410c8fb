// thread.h — OS threads: create, join, detach, identity, stack size, naming.
//
// Invariant: a WfThread is a handle to an OS thread that was created by
// wf_thread_create and has been neither joined nor detached; exactly one of
// wf_thread_join / wf_thread_detach_handle is called on it, once. Nothing
// here keeps global mutable state: every function is safe from any thread.
// (The names wf_thread_attach / wf_thread_detach are left to the runtime:
// attaching a thread to / detaching it from the interpreter.)
// This is the only place (with futex.c and time.c) that may use #if for the OS.
#ifndef WF_PLATFORM_THREAD_H
#define WF_PLATFORM_THREAD_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct WfThread {
    pthread_t handle;
} WfThread;

// The body of a thread. Its return value is what wf_thread_join reports.
typedef void *(*WfThreadFunc)(void *arg);

// Smallest stack size accepted by wf_thread_create (CPython's THREAD_STACK_MIN,
// the bound threading.stack_size() checks: "size not valid: N bytes").
#define WF_THREAD_STACK_MIN ((size_t)0x8000)

// Start `fn(arg)` on a new thread. stack_size 0 means the OS default; any other
// value must be >= WF_THREAD_STACK_MIN and is rounded up to the page size.
// Returns 0 or an errno value (EAGAIN: no resources, EINVAL: bad stack size).
int wf_thread_create(WfThread *thread, WfThreadFunc fn, void *arg, size_t stack_size);

// Wait for the thread to finish; stores its return value in *result if result
// is not NULL. Returns 0 or an errno value.
int wf_thread_join(WfThread thread, void **result);

// Let the thread's resources go when it exits (pthread_detach; not the
// runtime's detach from the interpreter). Returns 0 or an errno value.
int wf_thread_detach_handle(WfThread thread);

// threading.get_ident(): an opaque number identifying the calling thread
// among the threads alive now (pthread_self() as an integer).
unsigned long wf_thread_ident(void);

// threading.get_native_id(): the kernel's id of the calling thread (gettid).
unsigned long wf_thread_native_id(void);

// True when both handles name the same thread.
bool wf_thread_equal(WfThread a, WfThread b);

// The calling thread's handle (joinable only if it was created joinable).
WfThread wf_thread_self(void);

// The stack size a thread created with stack_size 0 gets.
size_t wf_thread_default_stack_size(void);

// The calling thread's stack: lowest address in *low and size in *size.
// Returns 0 or an errno value. (Used for C recursion limits and stack scans.)
int wf_thread_current_stack(void **low, size_t *size);

// Name the calling thread for debuggers and /proc (truncated to 15 bytes).
void wf_thread_set_name(const char *name);

// Give the CPU to another runnable thread (sched_yield).
void wf_thread_yield(void);

// A CPU hint for the body of a busy-wait loop ("pause" on x86, "yield" on ARM).
void wf_thread_spin_pause(void);

// Number of CPUs this process may run on (at least 1).
int wf_thread_cpu_count(void);

#endif

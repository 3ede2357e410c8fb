// signal.h — Python-level signal handling (modules/signal.c): the C handler
// that records a signal and pokes the main thread's eval breaker, the
// main-thread check that runs Python handlers, and the `_signal` module
// (lib/signal.py wraps it with the Signals/Handlers enums). See docs/signals.md.
#ifndef WF_MODULES_SIGNAL_H
#define WF_MODULES_SIGNAL_H

#include <stdbool.h>

#include "objects/object.h"

// Start-up, on the main thread after wf_vm_init: remembers the main thread
// and records every signal's disposition. With install_handlers (CPython's
// config.install_signal_handlers, the default), first ignores SIGPIPE and
// SIGXFSZ and, when SIGINT has its default action, installs the handler that
// raises KeyboardInterrupt (CPython's signal_install_handlers). 0 or -1.
int wf_signal_init(int install_handlers);

// True on the thread that runs Python signal handlers (the main thread).
bool wf_signal_is_main_thread(void);

// Runs the Python handlers of the signals that arrived, on the main thread
// (other threads: returns 0 at once). Blocking calls call it when a wait is
// interrupted (EINTR); an exception a handler raises (KeyboardInterrupt) is
// returned as -1. (The name predates this module; thread.c and time.c use it.)
int wf_eval_check_signals(void);

// _thread.interrupt_main(signum): simulate the arrival of signum (the main
// thread runs its Python handler; nothing happens when the handler is SIG_DFL
// or SIG_IGN). -1 (no exception set) when signum is out of range.
int wf_signal_simulate(int signum);

// After an uncaught KeyboardInterrupt: exit by SIGINT with the default
// action, so the parent sees "killed by SIGINT" (status 130 in a shell), as
// CPython does. Returns only if that failed, with the status to use (130).
int wf_signal_exit_by_sigint(void);

WfObject *wf_signal_module_new(void);  // the `_signal` module

#endif

// signal.c — signals for Python code: the C-level handler, the main-thread
// check that runs Python handlers, and the `_signal` module (signal(),
// getsignal(), raise_signal(), alarm(), setitimer()/getitimer(), pause(),
// pthread_kill(), strsignal(), valid_signals(), default_int_handler, the SIG*
// and ITIMER_* numbers, ItimerError). lib/signal.py wraps it as CPython's
// signal.py does (the Signals / Handlers enums). See docs/signals.md.
//
// Invariants:
// - handlers[s].func is the Python-level action of signal s, a strong
//   reference: a callable, the int SIG_DFL (0) or SIG_IGN (1), or None when
//   the C handler was set outside Python. It is written only by the main
//   thread (start-up, signal.signal()) under handlers_lock; other threads
//   read it under the lock. handlers[s].kind mirrors it for lock-free readers
//   (_thread.interrupt_main from any thread).
// - The C handler (c_handler) is async-signal-safe. On the main thread it
//   only stores atomics ("trips" the signal: handlers[s].tripped, is_tripped,
//   the main thread's eval-breaker bit). On another thread (the kernel picks
//   any thread for a process-directed signal) it re-sends the signal to the
//   main thread with tgkill instead, so each arrival trips once and a
//   blocking call of the main thread (a futex wait, nanosleep) returns EINTR
//   and runs the handlers.
// - Python handlers run only on the main thread: at its next eval-breaker
//   check (wf_signal_run_pending) or when a blocking call there is
//   interrupted (wf_eval_check_signals).
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "modules/signal.h"
#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"
#include "sync/mutex.h"
#include "vm/eval.h"
#include "vm/frameobject.h"

enum { KIND_DEFAULT, KIND_IGNORE, KIND_NONE, KIND_PYTHON };

typedef struct {
    _Atomic int tripped;     // set by c_handler / wf_signal_simulate, cleared by run_pending
    _Atomic uint8_t kind;    // KIND_* of func
    WfObject *func;          // see the invariant
} Handler;

static Handler handlers[NSIG];
static _Atomic int is_tripped;        // some handlers[s].tripped may be set
static _Atomic pid_t main_tid;        // the main thread's kernel id (0 before start-up)
static WfThreadState *main_ts;        // written once at start-up, before any handler is installed
static WfMutex handlers_lock = WF_MUTEX_INIT;
static WfObject *default_int_handler; // immortal builtin function
static WfTypeObject *itimer_error;     // signal.ItimerError (immortal; made under handlers_lock)

static pid_t current_tid(void) { return (pid_t)syscall(SYS_gettid); }

// ---------------------------------------------------------------------------
// The C handler (async-signal-safe)

static void trip(int signum) {
    // relaxed: published by the release store of is_tripped just after.
    atomic_store_explicit(&handlers[signum].tripped, 1, memory_order_relaxed);
    // release: whoever acquires is_tripped == 1 also sees tripped[signum].
    atomic_store_explicit(&is_tripped, 1, memory_order_release);
    wf_eval_signal_pending();  // lock-free fetch_or on the main thread's breaker
}

// Send signum to the main thread; false if there is none to send to (or we
// are it). Its c_handler trips the signal there, and a blocking call it is
// in (a futex wait, nanosleep) returns EINTR so that the handlers run.
static bool send_to_main(int signum) {
    // relaxed: main_tid is written before any handler is installed (sigaction
    // orders it) and never changes.
    pid_t main = atomic_load_explicit(&main_tid, memory_order_relaxed);
    if (main <= 0 || current_tid() == main) return false;
    return syscall(SYS_tgkill, getpid(), main, signum) == 0;
}

static void c_handler(int signum) {
    int saved = errno;
    // The kernel may pick any thread for a process-directed signal (Ctrl-C):
    // pass it on rather than trip it here, so that it trips exactly once and
    // wakes the main thread.
    if (!send_to_main(signum)) trip(signum);
    errno = saved;
}

// CPython's PyOS_setsig: no SA_RESTART, so blocking calls return EINTR.
static int set_c_handler(int signum, void (*fn)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;
    return sigaction(signum, &sa, NULL);
}

// ---------------------------------------------------------------------------
// The handler table

static int kind_of(WfObject *func) {
    if (func == wf_None) return KIND_NONE;
    if (wf_is_smallint(func)) {
        if (wf_smallint_value(func) == 0) return KIND_DEFAULT;
        if (wf_smallint_value(func) == 1) return KIND_IGNORE;
    }
    return KIND_PYTHON;
}

// Replace handlers[signum].func (main thread; steals func).
static void set_handler_take(int signum, WfObject *func) {
    wf_mutex_lock(&handlers_lock);
    WfObject *old = handlers[signum].func;
    handlers[signum].func = func;
    // relaxed: a hint for interrupt_main, which CPython also reads racily.
    atomic_store_explicit(&handlers[signum].kind, (uint8_t)kind_of(func), memory_order_relaxed);
    wf_mutex_unlock(&handlers_lock);
    wf_xdecref(old);
}

static WfObject *get_handler_new(int signum) {
    wf_mutex_lock(&handlers_lock);
    WfObject *func = wf_xnewref(handlers[signum].func);
    wf_mutex_unlock(&handlers_lock);
    return func ? func : wf_newref(wf_None);
}

bool wf_signal_is_main_thread(void) { return main_ts && wf_tstate() == main_ts; }

// ---------------------------------------------------------------------------
// Running the Python handlers (main thread)

static void reschedule(void) {
    atomic_store_explicit(&is_tripped, 1, memory_order_release);
    wf_eval_signal_pending();
}

static int run_pending(void) {
    // acquire: pairs with trip's release store; the exchange makes a signal
    // that trips during the scan either seen by the scan or left pending.
    if (!atomic_load_explicit(&is_tripped, memory_order_acquire)) return 0;
    if (!atomic_exchange_explicit(&is_tripped, 0, memory_order_acq_rel)) return 0;
    WfObject *frame = NULL;
    for (int i = 1; i < NSIG; i++) {
        if (!atomic_load_explicit(&handlers[i].tripped, memory_order_relaxed)) continue;
        atomic_store_explicit(&handlers[i].tripped, 0, memory_order_relaxed);
        WfObject *func = get_handler_new(i);
        int kind = kind_of(func);
        if (kind != KIND_PYTHON) {
            // The handler changed after the signal arrived (or interrupt_main
            // found no Python handler): as CPython, report, do not raise.
            wf_decref(func);
            WfObject *saved = wf_err_fetch();
            wf_err_format(&wf_exc_OSError, "Signal %i ignored due to race condition", i);
            wf_err_write_unraisable(wf_None);
            wf_err_restore(saved);
            continue;
        }
        if (!frame) {
            WfThreadState *ts = wf_tstate();
            frame = ts && ts->current_frame ? wf_frameobject_get_current(0) : wf_newref(wf_None);
            if (!frame) {
                wf_decref(func);
                reschedule();
                return -1;
            }
        }
        WfObject *args[2] = {wf_smallint_new(i), frame};
        WfObject *r = wf_object_call(func, args, 2, NULL);
        wf_decref(func);
        if (!r) {
            wf_decref(frame);
            reschedule();  // the other tripped signals run at the next check
            return -1;
        }
        wf_decref(r);
    }
    wf_xdecref(frame);
    return 0;
}

int wf_signal_run_pending(void) {
    if (!wf_signal_is_main_thread()) return 0;
    return run_pending();
}

int wf_eval_check_signals(void) {
    if (!wf_signal_is_main_thread()) return 0;
    return run_pending();
}

int wf_signal_simulate(int signum) {
    if (signum < 1 || signum >= NSIG) return -1;
    // As CPython's PyErr_SetInterruptEx: a signal whose action is SIG_DFL or
    // SIG_IGN is not simulated (it must never kill the process).
    int kind = atomic_load_explicit(&handlers[signum].kind, memory_order_relaxed);
    if (kind == KIND_DEFAULT || kind == KIND_IGNORE) return 0;
    // From another thread, with our C handler installed (a Python handler),
    // deliver the signal to the main thread: it trips it and, if blocked (a
    // wait, a sleep), runs the handler where it waits, much as CPython runs
    // it as soon as the blocking call returns. Else trip it directly.
    if (kind != KIND_PYTHON || !send_to_main(signum)) trip(signum);
    return 0;
}

int wf_signal_exit_by_sigint(void) {
    fflush(stdout);
    fflush(stderr);
    if (set_c_handler(SIGINT, SIG_DFL) == 0) kill(getpid(), SIGINT);
    return 128 + SIGINT;
}

// ---------------------------------------------------------------------------
// Start-up

static WfObject *signal_default_int_handler(WfObject *m, WfObject *const *args, size_t nargs);

static const WfMethodDef default_int_handler_def =
    WF_METHOD("default_int_handler", signal_default_int_handler, WF_METH_FASTCALL,
              "default_int_handler($module, signalnum, frame, /)\n--\n\n"
              "The default handler for SIGINT installed by Python.\n\n"
              "It raises KeyboardInterrupt.");

int wf_signal_init(int install_handlers) {
    main_ts = wf_tstate();
    atomic_store_explicit(&main_tid, current_tid(), memory_order_relaxed);
    WfObject *modname = wf_str_from_cstr("_signal");
    if (!modname) return -1;
    default_int_handler = wf_builtin_function_new(&default_int_handler_def, NULL, modname);
    wf_decref(modname);
    if (!default_int_handler) return -1;
    wf_object_set_immortal(default_int_handler);
    // As CPython's signal_install_handlers: writing to a closed pipe or past
    // the file size limit raises (BrokenPipeError, ...) instead of killing.
    if (install_handlers) {
        set_c_handler(SIGPIPE, SIG_IGN);
        set_c_handler(SIGXFSZ, SIG_IGN);
    }
    for (int i = 1; i < NSIG; i++) {
        struct sigaction sa;
        WfObject *func = wf_None;
        if (sigaction(i, NULL, &sa) == 0) {
            if (sa.sa_handler == SIG_DFL) func = wf_smallint_new(0);
            else if (sa.sa_handler == SIG_IGN) func = wf_smallint_new(1);
        }
        set_handler_take(i, func);
    }
    // Only a SIGINT left at its default action gets the KeyboardInterrupt
    // handler (a background job started with SIGINT ignored keeps ignoring).
    if (install_handlers && atomic_load_explicit(&handlers[SIGINT].kind, memory_order_relaxed) == KIND_DEFAULT) {
        set_handler_take(SIGINT, default_int_handler);
        if (set_c_handler(SIGINT, c_handler) < 0) {
            set_handler_take(SIGINT, wf_smallint_new(0));
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The _signal module


static int signum_arg(WfObject *o, int *out) {
    if (wf_arg_as_c_int(o, out) < 0) return -1;
    if (*out < 1 || *out >= NSIG) {
        wf_err_format(&wf_exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

static WfObject *signal_default_int_handler(WfObject *m, WfObject *const *args, size_t nargs) {
    int signum;
    if (wf_arg_check_positional("default_int_handler", nargs, 2, 2) < 0) return NULL;
    if (wf_arg_as_c_int(args[0], &signum) < 0) return NULL;
    wf_err_set_none(&wf_exc_KeyboardInterrupt);
    return NULL;
}

static WfObject *signal_signal(WfObject *m, WfObject *const *args, size_t nargs) {
    int signum;
    if (wf_arg_check_positional("signal", nargs, 2, 2) < 0) return NULL;
    if (wf_arg_as_c_int(args[0], &signum) < 0) return NULL;
    WfObject *handler = args[1];
    if (!wf_signal_is_main_thread())
        return wf_err_format(&wf_exc_ValueError, "signal only works in main thread of the main interpreter");
    if (signum < 1 || signum >= NSIG) return wf_err_format(&wf_exc_ValueError, "signal number out of range");
    void (*fn)(int);
    if (wf_callable_check(handler)) fn = c_handler;
    else if (wf_int_check_exact(handler) && kind_of(handler) == KIND_IGNORE) fn = SIG_IGN;
    else if (wf_int_check_exact(handler) && kind_of(handler) == KIND_DEFAULT) fn = SIG_DFL;
    else
        return wf_err_format(&wf_exc_TypeError,
                             "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    // As CPython: run what is pending under the old handlers first.
    if (run_pending() < 0) return NULL;
    if (set_c_handler(signum, fn) < 0) return wf_err_set_from_errno(&wf_exc_OSError);
    WfObject *old = get_handler_new(signum);
    set_handler_take(signum, wf_newref(handler));
    return old;
}

static WfObject *signal_getsignal(WfObject *m, WfObject *arg) {
    int signum;
    if (signum_arg(arg, &signum) < 0) return NULL;
    return get_handler_new(signum);
}

static WfObject *signal_raise_signal(WfObject *m, WfObject *arg) {
    int signum;
    if (wf_arg_as_c_int(arg, &signum) < 0) return NULL;
    // raise() delivers to this thread before it returns; with a Python
    // handler, c_handler has tripped the signal by then.
    if (raise(signum) != 0) return wf_err_set_from_errno(&wf_exc_OSError);
    if (wf_eval_check_signals() < 0) return NULL;
    return wf_None;
}

static WfObject *signal_alarm(WfObject *m, WfObject *arg) {
    int seconds;
    if (wf_arg_as_c_int(arg, &seconds) < 0) return NULL;
    return wf_int_from_long_long((long long)alarm((unsigned)seconds));
}

static WfObject *signal_pause(WfObject *m, WfObject *unused) {
    wf_thread_detach();
    (void)pause();
    wf_thread_attach();
    if (wf_eval_check_signals() < 0) return NULL;
    return wf_None;
}

// setitimer()/getitimer(): seconds as CPython's _PyTime_FromSecondsObject
// (a float, or an int via __index__), rounded up to microseconds.
static int seconds_arg(WfObject *o, double *out) {
    if (wf_float_check(o)) {
        *out = wf_float_value(o);
        if (isnan(*out)) {
            wf_err_format(&wf_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        if (!wf_index_check(o)) {
            wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
            return -1;
        }
        WfObject *idx = wf_number_index(o);
        if (!idx) return -1;
        int overflow = 0;
        long long v = wf_int_as_long_long_overflow(idx, &overflow);
        wf_decref(idx);
        *out = overflow ? INFINITY : (double)v;
    }
    if (!(fabs(*out) < 9.2e9)) {  // the nanosecond clock's range (_PyTime_t)
        wf_err_format(&wf_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    return 0;
}

static struct timeval to_timeval(double seconds) {
    double us = ceil(seconds * 1e6);
    struct timeval tv;
    tv.tv_sec = (time_t)floor(us / 1e6);
    tv.tv_usec = (suseconds_t)(us - (double)tv.tv_sec * 1e6);
    return tv;
}

static WfObject *itimer_tuple(const struct itimerval *v) {
    WfObject *delay = wf_float_new((double)v->it_value.tv_sec + (double)v->it_value.tv_usec / 1000000.0);
    WfObject *interval = wf_float_new((double)v->it_interval.tv_sec + (double)v->it_interval.tv_usec / 1000000.0);
    WfObject *t = delay && interval ? wf_tuple_pack(2, delay, interval) : NULL;
    wf_xdecref(delay);
    wf_xdecref(interval);
    return t;
}

static WfObject *signal_setitimer(WfObject *m, WfObject *const *args, size_t nargs) {
    int which;
    double seconds, interval = 0.0;
    if (wf_arg_check_positional("setitimer", nargs, 2, 3) < 0) return NULL;
    if (wf_arg_as_c_int(args[0], &which) < 0 || seconds_arg(args[1], &seconds) < 0) return NULL;
    if (nargs == 3 && seconds_arg(args[2], &interval) < 0) return NULL;
    struct itimerval new_value = {.it_interval = to_timeval(interval), .it_value = to_timeval(seconds)}, old;
    if (setitimer(which, &new_value, &old) != 0) return wf_err_set_from_errno(itimer_error);
    return itimer_tuple(&old);
}

static WfObject *signal_getitimer(WfObject *m, WfObject *arg) {
    int which;
    if (wf_arg_as_c_int(arg, &which) < 0) return NULL;
    struct itimerval v;
    if (getitimer(which, &v) != 0) return wf_err_set_from_errno(itimer_error);
    return itimer_tuple(&v);
}

static WfObject *signal_pthread_kill(WfObject *m, WfObject *const *args, size_t nargs) {
    int signum;
    if (wf_arg_check_positional("pthread_kill", nargs, 2, 2) < 0) return NULL;
    if (!wf_int_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    int overflow = 0;
    long long id = wf_int_as_long_long_overflow(args[0], &overflow);
    if (overflow) return wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C unsigned long");
    if (wf_arg_as_c_int(args[1], &signum) < 0) return NULL;
    int err = pthread_kill((pthread_t)(unsigned long)id, signum);
    if (err != 0) {
        errno = err;
        return wf_err_set_from_errno(&wf_exc_OSError);
    }
    if (wf_eval_check_signals() < 0) return NULL;
    return wf_None;
}

static WfObject *signal_strsignal(WfObject *m, WfObject *arg) {
    int signum;
    if (signum_arg(arg, &signum) < 0) return NULL;
    errno = 0;
    const char *s = strsignal(signum);
    if (errno || !s || strstr(s, "Unknown signal")) return wf_None;
    return wf_str_from_cstr(s);
}

static WfObject *signal_valid_signals(WfObject *m, WfObject *unused) {
    sigset_t all;
    if (sigfillset(&all) < 0) return wf_err_set_from_errno(&wf_exc_OSError);
    WfObject *set = wf_set_new(NULL);
    if (!set) return NULL;
    for (int i = 1; i < NSIG; i++) {
        if (sigismember(&all, i) != 1) continue;
        if (wf_set_add(set, wf_smallint_new(i)) < 0) {
            wf_decref(set);
            return NULL;
        }
    }
    return set;
}

static const WfMethodDef signal_methods[] = {
    WF_METHOD("signal", signal_signal, WF_METH_FASTCALL,
              "signal($module, signalnum, handler, /)\n--\n\n"
              "Set the action for the given signal.\n\n"
              "The action can be SIG_DFL, SIG_IGN, or a callable Python object.\n"
              "The previous action is returned.  See getsignal() for possible return values.\n\n"
              "*** IMPORTANT NOTICE ***\n"
              "A signal handler function is called with two arguments:\n"
              "the first is the signal number, the second is the interrupted stack frame."),
    WF_METHOD("getsignal", signal_getsignal, WF_METH_O,
              "getsignal($module, signalnum, /)\n--\n\n"
              "Return the current action for the given signal.\n\n"
              "The return value can be:\n"
              "  SIG_IGN -- if the signal is being ignored\n"
              "  SIG_DFL -- if the default action for the signal is in effect\n"
              "  None    -- if an unknown handler is in effect\n"
              "  anything else -- the callable Python object used as a handler"),
    WF_METHOD("raise_signal", signal_raise_signal, WF_METH_O,
              "raise_signal($module, signalnum, /)\n--\n\nSend a signal to the executing process."),
    WF_METHOD("alarm", signal_alarm, WF_METH_O,
              "alarm($module, seconds, /)\n--\n\nArrange for SIGALRM to arrive after the given number of seconds."),
    WF_METHOD("pause", signal_pause, WF_METH_NOARGS, "pause($module, /)\n--\n\nWait until a signal arrives."),
    WF_METHOD("setitimer", signal_setitimer, WF_METH_FASTCALL,
              "setitimer($module, which, seconds, interval=0.0, /)\n--\n\n"
              "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).\n\n"
              "The timer will fire after value seconds and after that every interval seconds.\n"
              "The itimer can be cleared by setting seconds to zero.\n\n"
              "Returns old values as a tuple: (delay, interval)."),
    WF_METHOD("getitimer", signal_getitimer, WF_METH_O,
              "getitimer($module, which, /)\n--\n\nReturns current value of given itimer."),
    WF_METHOD("pthread_kill", signal_pthread_kill, WF_METH_FASTCALL,
              "pthread_kill($module, thread_id, signalnum, /)\n--\n\nSend a signal to a thread."),
    WF_METHOD("strsignal", signal_strsignal, WF_METH_O,
              "strsignal($module, signalnum, /)\n--\n\n"
              "Return the system description of the given signal.\n\n"
              "Returns the description of signal *signalnum*, such as \"Interrupt\"\n"
              "for :const:`SIGINT`. Returns :const:`None` if *signalnum* has no\n"
              "description. Raises :exc:`ValueError` if *signalnum* is invalid."),
    WF_METHOD("valid_signals", signal_valid_signals, WF_METH_NOARGS,
              "valid_signals($module, /)\n--\n\n"
              "Return a set of valid signal numbers on this platform.\n\n"
              "The signal numbers returned by this function can be safely passed to\n"
              "functions like `pthread_sigmask`."),
    WF_METHOD_END,
};

static const struct {
    const char *name;
    int value;
} constants[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},     {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},     {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},       {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},     {"SIGTERM", SIGTERM},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
    {"SIGCHLD", SIGCHLD},     {"SIGCLD", SIGCHLD},      {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP},     {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},         {"SIGPOLL", SIGIO},
#ifdef SIGPWR
    {"SIGPWR", SIGPWR},
#endif
    {"SIGSYS", SIGSYS},       {"SIG_DFL", 0},           {"SIG_IGN", 1},           {"NSIG", NSIG},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
    {NULL, 0},
};

// signal.ItimerError: CPython's "signal.itimer_error", an OSError subclass.
// Made by the first import and kept (immortal) for later ones.
static WfTypeObject *itimer_error_get(void) {
    wf_mutex_lock(&handlers_lock);
    if (!itimer_error) {
        WfObject *name = wf_str_from_cstr("itimer_error");
        WfObject *bases = wf_tuple_pack(1, (WfObject *)&wf_exc_OSError);
        WfObject *dict = wf_dict_new();
        WfObject *module = wf_str_from_cstr("signal");
        WfObject *type = NULL;
        if (name && bases && dict && module && wf_dict_set_item_cstr(dict, "__module__", module) == 0)
            type = wf_type_new_from_spec(&wf_type_type, name, bases, dict, NULL);
        wf_xdecref(name);
        wf_xdecref(bases);
        wf_xdecref(dict);
        wf_xdecref(module);
        if (type) {
            wf_object_set_immortal(type);
            itimer_error = (WfTypeObject *)type;
        }
    }
    WfTypeObject *t = itimer_error;
    wf_mutex_unlock(&handlers_lock);
    return t;
}

static int signal_exec(WfObject *m) {
    for (int i = 0; constants[i].name; i++)
        if (wf_module_add_int(m, constants[i].name, constants[i].value) < 0) return -1;
    // Run-time values (glibc reserves the first real-time signals).
    if (wf_module_add_int(m, "SIGRTMIN", SIGRTMIN) < 0 || wf_module_add_int(m, "SIGRTMAX", SIGRTMAX) < 0) return -1;
    if (default_int_handler && wf_module_add_object(m, "default_int_handler", wf_newref(default_int_handler)) < 0)
        return -1;
    if (!itimer_error_get()) return -1;
    return wf_module_add_object(m, "ItimerError", wf_newref((WfObject *)itimer_error));
}

static const WfModuleDef signal_def = {
    .name = "_signal",
    .doc = "This module provides mechanisms to use signal handlers in Python.\n\n"
           "Functions:\n\n"
           "alarm() -- cause SIGALRM after a specified time [Unix only]\n"
           "signal() -- set the action for a given signal\n"
           "getsignal() -- get the signal action for a given signal\n"
           "pause() -- wait until a signal arrives [Unix only]\n"
           "default_int_handler() -- default SIGINT handler\n\n"
           "signal constants:\n"
           "SIG_DFL -- used to refer to the system default handler\n"
           "SIG_IGN -- used to ignore the signal\n"
           "NSIG -- number of defined signals\n"
           "SIGINT, SIGTERM, etc. -- signal numbers\n\n"
           "*** IMPORTANT NOTICE ***\n"
           "A signal handler function is called with two arguments:\n"
           "the first is the signal number, the second is the interrupted stack frame.",
    .methods = signal_methods,
    .exec = signal_exec,
    .gil_not_used = 1,
};

WfObject *wf_signal_module_new(void) { return wf_module_from_def(&signal_def); }

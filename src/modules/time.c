// time.c — the time module: clocks (time, monotonic, perf_counter,
// process_time, thread_time and their _ns forms), sleep, and the calendar
// functions that the tests and examples use (localtime, gmtime, mktime,
// strftime, asctime/ctime, struct_time). No module state: every function is
// safe from any thread. sleep() detaches the thread while it waits.
#include <errno.h>
#include <string.h>
#include <math.h>
#include <time.h>

#include "modules/signal.h"  // wf_eval_check_signals
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"

// Blocking hooks: the runtime detaches the thread around waits (critical
// sections suspended, stop-the-world not blocked). Weak defaults do nothing.
__attribute__((weak)) void wf_thread_detach(void) {}
__attribute__((weak)) void wf_thread_attach(void) {}

static long long clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static WfObject *seconds(clockid_t id) { return wf_float_new((double)clock_ns(id) * 1e-9); }
static WfObject *nanoseconds(clockid_t id) { return wf_int_from_long_long(clock_ns(id)); }

static WfObject *time_time(WfObject *m, WfObject *u) { return seconds(CLOCK_REALTIME); }
static WfObject *time_time_ns(WfObject *m, WfObject *u) { return nanoseconds(CLOCK_REALTIME); }
static WfObject *time_monotonic(WfObject *m, WfObject *u) { return seconds(CLOCK_MONOTONIC); }
static WfObject *time_monotonic_ns(WfObject *m, WfObject *u) { return nanoseconds(CLOCK_MONOTONIC); }
static WfObject *time_process_time(WfObject *m, WfObject *u) { return seconds(CLOCK_PROCESS_CPUTIME_ID); }
static WfObject *time_process_time_ns(WfObject *m, WfObject *u) { return nanoseconds(CLOCK_PROCESS_CPUTIME_ID); }
static WfObject *time_thread_time(WfObject *m, WfObject *u) { return seconds(CLOCK_THREAD_CPUTIME_ID); }
static WfObject *time_thread_time_ns(WfObject *m, WfObject *u) { return nanoseconds(CLOCK_THREAD_CPUTIME_ID); }

static WfObject *time_sleep(WfObject *m, WfObject *arg) {
    double secs;
    if (wf_int_check(arg)) {
        secs = wf_int_as_double(arg);
    } else if (wf_float_check(arg)) {
        secs = wf_float_value(arg);
    } else {
        return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer or float", arg);
    }
    if (secs == -1.0 && wf_err_occurred()) return NULL;
    if (isnan(secs)) return wf_err_format(&wf_exc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return wf_err_format(&wf_exc_ValueError, "sleep length must be non-negative");
    long long deadline = clock_ns(CLOCK_MONOTONIC) + (long long)(secs * 1e9);
    for (;;) {
        long long left = deadline - clock_ns(CLOCK_MONOTONIC);
        if (left <= 0) break;
        struct timespec ts = {.tv_sec = left / 1000000000LL, .tv_nsec = left % 1000000000LL};
        wf_thread_detach();
        int r = nanosleep(&ts, NULL);
        int e = errno;
        wf_thread_attach();
        if (r == 0) break;
        if (e != EINTR) {
            errno = e;
            return wf_err_set_from_errno(&wf_exc_OSError);
        }
        if (wf_eval_check_signals() < 0) return NULL;  // e.g. KeyboardInterrupt
    }
    return wf_None;
}

// struct_time
static const char *const struct_time_fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                                                 "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff", NULL};
static WfTypeObject *struct_time_type;

static WfObject *tm_to_struct(const struct tm *tm) {
    WfObject *v[11] = {
        wf_smallint_new(tm->tm_year + 1900), wf_smallint_new(tm->tm_mon + 1), wf_smallint_new(tm->tm_mday),
        wf_smallint_new(tm->tm_hour), wf_smallint_new(tm->tm_min), wf_smallint_new(tm->tm_sec),
        wf_smallint_new((tm->tm_wday + 6) % 7), wf_smallint_new(tm->tm_yday + 1), wf_smallint_new(tm->tm_isdst),
        wf_str_from_cstr(tm->tm_zone ? tm->tm_zone : ""), wf_int_from_long_long(tm->tm_gmtoff)};
    if (!v[9]) return NULL;
    return wf_structseq_new(struct_time_type, v);
}

static int time_arg(WfObject *const *args, size_t nargs, time_t *out) {
    if (nargs == 0 || args[0] == wf_None) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (wf_int_check(args[0])) d = wf_int_as_double(args[0]);
    else if (wf_float_check(args[0])) d = wf_float_value(args[0]);
    else {
        wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        return -1;
    }
    if (d == -1.0 && wf_err_occurred()) return -1;
    if (isnan(d)) {
        wf_err_format(&wf_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    *out = (time_t)floor(d);
    return 0;
}

static WfObject *time_localtime(WfObject *m, WfObject *const *args, size_t nargs) {
    time_t t;
    struct tm tm;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "localtime expected at most 1 argument, got %zu", nargs);
    if (time_arg(args, nargs, &t) < 0) return NULL;
    if (!localtime_r(&t, &tm)) return wf_err_set_from_errno(&wf_exc_OverflowError);
    return tm_to_struct(&tm);
}

static WfObject *time_gmtime(WfObject *m, WfObject *const *args, size_t nargs) {
    time_t t;
    struct tm tm;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "gmtime expected at most 1 argument, got %zu", nargs);
    if (time_arg(args, nargs, &t) < 0) return NULL;
    if (!gmtime_r(&t, &tm)) return wf_err_set_from_errno(&wf_exc_OverflowError);
    return tm_to_struct(&tm);
}

// A struct_time or 9-tuple → struct tm.
static int tuple_to_tm(WfObject *o, struct tm *tm) {
    if (!wf_tuple_check(o) || wf_tuple_size(o) < 9) {
        wf_err_format(&wf_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    long long f[9];
    for (int i = 0; i < 9; i++) {
        f[i] = wf_int_as_long_long(wf_tuple_get_borrow(o, i));
        if (f[i] == -1 && wf_err_occurred()) return -1;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)f[0] - 1900;
    tm->tm_mon = (int)f[1] - 1;
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)f[7] - 1;
    tm->tm_isdst = (int)f[8];
    return 0;
}

static WfObject *time_mktime(WfObject *m, WfObject *arg) {
    struct tm tm;
    if (tuple_to_tm(arg, &tm) < 0) return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) return wf_err_format(&wf_exc_OverflowError, "mktime argument out of range");
    return wf_float_new((double)t);
}

static WfObject *time_strftime(WfObject *m, WfObject *const *args, size_t nargs) {
    if (nargs < 1 || nargs > 2) return wf_err_format(&wf_exc_TypeError, "strftime() takes 1 or 2 arguments");
    if (!wf_str_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    struct tm tm;
    if (nargs == 2) {
        if (tuple_to_tm(args[1], &tm) < 0) return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    const char *fmt = wf_str_as_utf8_borrow(args[0]);
    if (!fmt) return NULL;
    if (!*fmt) return wf_str_empty();
    for (size_t size = 256; size <= (1u << 20); size *= 2) {
        char *buf = wf_mem_malloc(size);
        if (!buf) return wf_err_no_memory();
        size_t n = strftime(buf, size, fmt, &tm);
        if (n > 0) {
            WfObject *r = wf_str_from_utf8(buf, (wf_ssize)n);
            wf_mem_free(buf);
            return r;
        }
        wf_mem_free(buf);
    }
    return wf_str_empty();
}

static WfObject *format_asctime(const struct tm *tm) {
    static const char *const wday[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return wf_str_from_format("%s %s %2d %02d:%02d:%02d %d", wday[((tm->tm_wday % 7) + 7) % 7],
                              mon[((tm->tm_mon % 12) + 12) % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
                              tm->tm_year + 1900);
}

static WfObject *time_asctime(WfObject *m, WfObject *const *args, size_t nargs) {
    struct tm tm;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "asctime expected at most 1 argument, got %zu", nargs);
    if (nargs == 1) {
        if (tuple_to_tm(args[0], &tm) < 0) return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    return format_asctime(&tm);
}

static WfObject *time_ctime(WfObject *m, WfObject *const *args, size_t nargs) {
    time_t t;
    struct tm tm;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "ctime expected at most 1 argument, got %zu", nargs);
    if (time_arg(args, nargs, &t) < 0) return NULL;
    localtime_r(&t, &tm);
    return format_asctime(&tm);
}

static const WfMethodDef time_methods[] = {
    WF_METHOD("time", time_time, WF_METH_NOARGS, "time() -> floating-point number\n\nReturn the current time in seconds since the Epoch."),
    WF_METHOD("time_ns", time_time_ns, WF_METH_NOARGS, "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."),
    WF_METHOD("monotonic", time_monotonic, WF_METH_NOARGS, "monotonic() -> float\n\nMonotonic clock, cannot go backward."),
    WF_METHOD("monotonic_ns", time_monotonic_ns, WF_METH_NOARGS, "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."),
    WF_METHOD("perf_counter", time_monotonic, WF_METH_NOARGS, "perf_counter() -> float\n\nPerformance counter for benchmarking."),
    WF_METHOD("perf_counter_ns", time_monotonic_ns, WF_METH_NOARGS, "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."),
    WF_METHOD("process_time", time_process_time, WF_METH_NOARGS, "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."),
    WF_METHOD("process_time_ns", time_process_time_ns, WF_METH_NOARGS, "process_time() -> int\n\nProcess time for profiling as nanoseconds."),
    WF_METHOD("thread_time", time_thread_time, WF_METH_NOARGS, "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."),
    WF_METHOD("thread_time_ns", time_thread_time_ns, WF_METH_NOARGS, "thread_time() -> int\n\nThread time for profiling as nanoseconds."),
    WF_METHOD("sleep", time_sleep, WF_METH_O, "sleep(seconds)\n\nDelay execution for a given number of seconds."),
    WF_METHOD("localtime", time_localtime, WF_METH_FASTCALL, "localtime([seconds]) -> struct_time"),
    WF_METHOD("gmtime", time_gmtime, WF_METH_FASTCALL, "gmtime([seconds]) -> struct_time"),
    WF_METHOD("mktime", time_mktime, WF_METH_O, "mktime(tuple) -> floating-point number"),
    WF_METHOD("strftime", time_strftime, WF_METH_FASTCALL, "strftime(format[, tuple]) -> string"),
    WF_METHOD("asctime", time_asctime, WF_METH_FASTCALL, "asctime([tuple]) -> string"),
    WF_METHOD("ctime", time_ctime, WF_METH_FASTCALL, "ctime(seconds) -> string"),
    WF_METHOD_END,
};

WfObject *wf_time_module_new(void) {
    if (!struct_time_type && !(struct_time_type = wf_structseq_new_type("time.struct_time", struct_time_fields)))
        return NULL;
    WfObject *m = wf_module_new_cstr("time");
    if (!m) return NULL;
    wf_module_set_builtin(m);
    WfObject *d = wf_module_dict_borrow(m);
    if (wf_function_add_methods(d, time_methods, m, NULL) < 0 ||
        wf_dict_set_item_cstr(d, "struct_time", (WfObject *)struct_time_type) < 0) {
        wf_decref(m);
        return NULL;
    }
    tzset();
    if (wf_module_add_int(m, "timezone", timezone) < 0 || wf_module_add_int(m, "daylight", daylight) < 0) {
        wf_decref(m);
        return NULL;
    }
    WfObject *names = wf_tuple_new(2);
    if (!names) {
        wf_decref(m);
        return NULL;
    }
    wf_tuple_set_take(names, 0, wf_str_from_cstr(tzname[0]));
    wf_tuple_set_take(names, 1, wf_str_from_cstr(tzname[1]));
    if (!wf_tuple_get_borrow(names, 0) || !wf_tuple_get_borrow(names, 1) || wf_module_add_object(m, "tzname", names) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}

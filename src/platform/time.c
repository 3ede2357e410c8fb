// time.c — clocks and sleeping on POSIX clock_gettime / clock_nanosleep.
//
// Invariant: stateless; all sleeps use absolute CLOCK_MONOTONIC deadlines, so
// resuming after EINTR never stretches or shortens the total sleep.
#include "platform/time.h"

#include <errno.h>
#include <time.h>

static int64_t read_clock(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) return 0;
    return (int64_t)ts.tv_sec * WF_TIME_NS_PER_SEC + ts.tv_nsec;
}

int64_t wf_time_monotonic_ns(void) { return read_clock(CLOCK_MONOTONIC); }
int64_t wf_time_wall_ns(void) { return read_clock(CLOCK_REALTIME); }
int64_t wf_time_process_cpu_ns(void) { return read_clock(CLOCK_PROCESS_CPUTIME_ID); }
int64_t wf_time_thread_cpu_ns(void) { return read_clock(CLOCK_THREAD_CPUTIME_ID); }

int64_t wf_time_deadline_ns(int64_t timeout_ns) {
    if (timeout_ns < 0) return -1;
    int64_t now = wf_time_monotonic_ns();
    return timeout_ns > INT64_MAX - now ? INT64_MAX : now + timeout_ns;
}

int64_t wf_time_remaining_ns(int64_t deadline_ns) {
    if (deadline_ns < 0) return -1;
    int64_t left = deadline_ns - wf_time_monotonic_ns();
    return left > 0 ? left : 0;
}

bool wf_time_sleep_until_ns(int64_t deadline_ns, bool stop_on_signal) {
    if (deadline_ns < 0) return true;
    struct timespec ts = {.tv_sec = (time_t)(deadline_ns / WF_TIME_NS_PER_SEC),
                          .tv_nsec = (long)(deadline_ns % WF_TIME_NS_PER_SEC)};
    for (;;) {
        int err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        if (err == 0) return true;
        if (err != EINTR) return true;  // EINVAL cannot happen for a valid deadline
        if (stop_on_signal) return false;
    }
}

void wf_time_sleep_ns(int64_t ns) {
    if (ns <= 0) return;
    wf_time_sleep_until_ns(wf_time_deadline_ns(ns), false);
}

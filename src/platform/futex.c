// futex.c — the futex seam. Linux only; a port adds its own branch here
// (e.g. macOS __ulock_wait, FreeBSD _umtx_op, Windows WaitOnAddress).
//
// Invariant: stateless; every call is one system call (EINTR is reported, not
// retried, so interruptible waits can return to run signal handlers).
#include "platform/futex.h"

#include <errno.h>
#include <limits.h>
#include <time.h>

#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#else
#error "src/platform/futex.c: only Linux futexes are implemented"
#endif

static long futex(_Atomic uint32_t *addr, int op, uint32_t val, const struct timespec *ts, uint32_t val3) {
    return syscall(SYS_futex, (uint32_t *)addr, op | FUTEX_PRIVATE_FLAG, val, ts, NULL, val3);
}

static int wait_result(long r) {
    if (r == 0) return WF_FUTEX_WOKEN;
    switch (errno) {
    case ETIMEDOUT: return WF_FUTEX_TIMEOUT;
    case EINTR: return WF_FUTEX_INTERRUPTED;
    default: return WF_FUTEX_WOKEN;  // EAGAIN: the word already differed
    }
}

int wf_futex_wait(_Atomic uint32_t *addr, uint32_t expected, int64_t timeout_ns) {
    if (timeout_ns < 0) return wait_result(futex(addr, FUTEX_WAIT, expected, NULL, 0));
    struct timespec ts = {.tv_sec = (time_t)(timeout_ns / 1000000000),
                          .tv_nsec = (long)(timeout_ns % 1000000000)};
    return wait_result(futex(addr, FUTEX_WAIT, expected, &ts, 0));
}

int wf_futex_wait_until(_Atomic uint32_t *addr, uint32_t expected, int64_t deadline_ns) {
    if (deadline_ns < 0) return wait_result(futex(addr, FUTEX_WAIT, expected, NULL, 0));
    // FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC time.
    struct timespec ts = {.tv_sec = (time_t)(deadline_ns / 1000000000),
                          .tv_nsec = (long)(deadline_ns % 1000000000)};
    return wait_result(futex(addr, FUTEX_WAIT_BITSET, expected, &ts, FUTEX_BITSET_MATCH_ANY));
}

int wf_futex_wake_one(_Atomic uint32_t *addr) {
    long r = futex(addr, FUTEX_WAKE, 1, NULL, 0);
    return r > 0 ? (int)r : 0;
}

int wf_futex_wake_all(_Atomic uint32_t *addr) {
    long r = futex(addr, FUTEX_WAKE, INT_MAX, NULL, 0);
    return r > 0 ? (int)r : 0;
}

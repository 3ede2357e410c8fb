// futex.h — wait on / wake a 32-bit word (Linux futex, process-private).
//
// Invariant: a wait returns only after (a) a wake on the same address, (b) the
// word was seen to differ from `expected`, (c) the timeout or deadline passed,
// (d) a signal handler ran, or (e) spuriously. Callers therefore always wait
// in a loop that re-reads the word; futex.c keeps no state.
//
// Waking an address whose waiter has already returned (even one whose stack
// frame is gone) is harmless: a private futex is keyed by the address alone
// and the kernel does not touch the memory on wake. At worst an unrelated
// futex later placed at that address gets a spurious wake-up, which its loop
// absorbs. The parking lot relies on this.
#ifndef WF_PLATFORM_FUTEX_H
#define WF_PLATFORM_FUTEX_H

#include <stdatomic.h>
#include <stdint.h>

enum {
    WF_FUTEX_WOKEN = 0,        // woken, word differed, or spurious: re-check the word
    WF_FUTEX_TIMEOUT = 1,      // the timeout / deadline passed
    WF_FUTEX_INTERRUPTED = 2,  // a signal handler ran (EINTR)
};

// Sleep while *addr == expected, for at most timeout_ns (< 0: no limit; 0:
// returns WF_FUTEX_TIMEOUT at once if the word still equals expected).
int wf_futex_wait(_Atomic uint32_t *addr, uint32_t expected, int64_t timeout_ns);

// Same, until the absolute CLOCK_MONOTONIC time deadline_ns (< 0: no limit).
// Convenient in loops: after WF_FUTEX_INTERRUPTED or a spurious wake-up the
// caller simply waits again with the same deadline.
int wf_futex_wait_until(_Atomic uint32_t *addr, uint32_t expected, int64_t deadline_ns);

// Wake at most one / all threads waiting on addr. Returns how many were woken.
int wf_futex_wake_one(_Atomic uint32_t *addr);
int wf_futex_wake_all(_Atomic uint32_t *addr);

#endif

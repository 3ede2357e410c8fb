// time.h — clocks and sleeping, in nanoseconds as int64_t.
//
// Invariant: stateless. Monotonic times are CLOCK_MONOTONIC (never jump, the
// clock futex deadlines use); wall times are CLOCK_REALTIME since the epoch.
// A "deadline" is an absolute monotonic time; -1 means "no deadline", so
// timeouts and deadlines convert with wf_time_deadline_ns /
// wf_time_remaining_ns without special cases at the call sites.
// (Included as "platform/time.h"; it does not shadow <time.h>.)
#ifndef WF_PLATFORM_TIME_H
#define WF_PLATFORM_TIME_H

#include <stdbool.h>
#include <stdint.h>

#define WF_TIME_NS_PER_SEC INT64_C(1000000000)
#define WF_TIME_NS_PER_MS INT64_C(1000000)
#define WF_TIME_NS_PER_US INT64_C(1000)

int64_t wf_time_monotonic_ns(void);    // time.monotonic_ns(), time.perf_counter_ns()
int64_t wf_time_wall_ns(void);         // time.time_ns()
int64_t wf_time_process_cpu_ns(void);  // time.process_time_ns()
int64_t wf_time_thread_cpu_ns(void);   // time.thread_time_ns()

// Deadline for a timeout from now: -1 if timeout_ns < 0, else now + timeout_ns
// (saturating at INT64_MAX).
int64_t wf_time_deadline_ns(int64_t timeout_ns);
// Time left until a deadline: -1 if deadline_ns < 0, else max(0, deadline - now).
int64_t wf_time_remaining_ns(int64_t deadline_ns);

// Sleep for ns nanoseconds (<= 0: return at once), resuming after signals.
void wf_time_sleep_ns(int64_t ns);

// Sleep until the monotonic deadline_ns. Returns true when the deadline was
// reached, false if a signal handler ran first (only when stop_on_signal is
// true; else it resumes sleeping). PEP 475 callers run the Python signal
// handlers on false and call again with the same deadline.
bool wf_time_sleep_until_ns(int64_t deadline_ns, bool stop_on_signal);

#endif

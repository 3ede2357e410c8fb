// repl.c — the interactive prompt (`weft` with no script on a terminal, or
// `-i`). Lines are read with libedit (history, line editing), accumulated
// while the statement is incomplete, compiled in 'single' mode (so expression
// values are shown through sys.displayhook) and run in __main__.
//
// Invariant: `buf` holds the lines of the statement being entered; it is
// cleared after each compile attempt that is not "incomplete input".
#include <editline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile/compile.h"
#include "modules/signal.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "runtime/version.h"
#include "vm/eval.h"

// Does the pending SyntaxError mean "the statement is not finished yet"?
static int incomplete_input(void) {
    WfObject *exc = wf_err_occurred_borrow();
    if (!exc || !wf_type_check(exc, &wf_exc_SyntaxError)) return 0;
    WfObject *msg = ((WfSyntaxErrorObject *)exc)->msg;
    const char *m = msg && wf_str_check(msg) ? wf_str_as_utf8_borrow(msg) : NULL;
    if (!m) return 0;
    return strstr(m, "was never closed") || strstr(m, "expected an indented block") ||
           strstr(m, "unexpected EOF") || strstr(m, "unterminated triple-quoted string");
}

static const char *prompt(const char *name, const char *dflt) {
    WfObject *p = wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, name);
    if (p && wf_str_check(p)) return wf_str_as_utf8_borrow(p);
    return dflt;
}

static char *read_line(const char *p, int tty) {
    if (tty) {
        fflush(stdout);
        return readline(p);
    }
    fputs(p, stderr);
    size_t cap = 0;
    char *line = NULL;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n') line[n - 1] = 0;
    return line;
}

// Returns the process exit status when the session ends (EOF or SystemExit).
int wf_repl_run(WfObject *main_dict, int quiet, int (*handle_uncaught)(void)) {
    int tty = isatty(0);
    if (!quiet) {
        fprintf(stderr, "Python %s on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                WF_SYS_VERSION);
    }
    WfObject *ps1 = wf_str_from_cstr(">>> "), *ps2 = wf_str_from_cstr("... ");
    if (ps1) wf_dict_set_item_cstr(wf_runtime.sys_dict, "ps1", ps1);
    if (ps2) wf_dict_set_item_cstr(wf_runtime.sys_dict, "ps2", ps2);
    wf_xdecref(ps1);
    wf_xdecref(ps2);
    WfObject *fname = wf_str_from_cstr("<stdin>");
    if (!fname) return 1;
    char *buf = NULL;
    size_t len = 0;
    for (;;) {
        char *line = read_line(len ? prompt("ps2", "... ") : prompt("ps1", ">>> "), tty);
        if (!line && wf_eval_check_signals() < 0) {
            // Ctrl-C at the prompt (the read was interrupted): as CPython,
            // drop the statement being entered and show a fresh prompt.
            if (wf_err_matches(&wf_exc_KeyboardInterrupt)) {
                wf_err_clear();
                fputs("\nKeyboardInterrupt\n", stderr);
            } else {
                wf_err_print();
            }
            clearerr(stdin);
            len = 0;
            continue;
        }
        if (!line) {
            if (tty) fputc('\n', stderr);
            break;
        }
        if (tty && *line) add_history(line);
        size_t l = strlen(line);
        char *nb = realloc(buf, len + l + 2);
        if (!nb) {
            free(line);
            break;
        }
        buf = nb;
        memcpy(buf + len, line, l);
        int blank = l == 0 || strspn(line, " \t") == l;
        free(line);
        len += l;
        buf[len++] = '\n';
        buf[len] = 0;
        if (len == 1 && blank) {  // empty line at the primary prompt
            len = 0;
            continue;
        }
        WfCodeObject *co = wf_compile_source(buf, len, fname, WF_COMPILE_SINGLE, -1);
        if (!co) {
            // Keep reading while the statement is incomplete, unless a blank
            // line ends a compound statement.
            if (incomplete_input() && !blank) {
                wf_err_clear();
                continue;
            }
            len = 0;
            if (wf_err_matches(&wf_exc_SystemExit)) break;
            wf_err_print();
            continue;
        }
        // A compound statement ends with a blank line, as CPython's prompt.
        int compound = strchr(buf, '\n') != buf + len - 1;
        if (compound && !blank) {
            wf_decref((WfObject *)co);
            continue;
        }
        len = 0;
        WfObject *r = wf_eval_code(co, main_dict, main_dict);
        wf_decref((WfObject *)co);
        if (r) {
            wf_decref(r);
        } else if (wf_err_matches(&wf_exc_SystemExit)) {
            free(buf);
            wf_decref(fname);
            return handle_uncaught();
        } else {
            wf_err_print();
        }
    }
    free(buf);
    wf_decref(fname);
    return 0;
}

// io.c — file objects (open(), sys.stdin/stdout/stderr): a text wrapper
// (UTF-8, universal newlines on read) and binary buffered readers/writers,
// all over one POSIX file descriptor with a private read and write buffer.
//
// Invariants: wbuf holds bytes written but not yet passed to write(2);
// rbuf[rpos..rlen) holds bytes read from the fd but not yet consumed. A file
// is never both holding unread input and pending output (switching direction
// flushes / drops the other buffer, adjusting the fd offset).
//
// Thread safety: the buffers, their counters, `closed` and the fd's offset
// change only while the file's own lock (`io_lock`, a WfMutex whose waiters
// detach) is held, so two threads printing at once never see each other's
// half-updated buffer. The lock is held across the read(2) / write(2) calls,
// during which the thread is *detached*: a thread blocked on a pipe or a
// terminal (input(), readline()) neither holds up a stop-the-world nor, in
// GIL mode, the GIL, and other threads wanting the same file wait (detached)
// for it, as with CPython's buffered I/O lock. While holding it the code only
// moves bytes, allocates raw memory and makes system calls: it never runs
// Python code, decrefs, or sets an exception (so it cannot re-enter the file
// or block on anything that waits for this thread). The locked helpers
// report failures as an IoStatus, raised after the lock is released.
// `closed` is also read without the lock (relaxed atomic loads) for the early
// "closed file" checks; every operation re-checks it under the lock.
// Everything else (fd, mode flags, name, mode) is fixed once the object is
// published.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "modules/signal.h"
#include "objects/arg.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"
#include "sync/mutex.h"

typedef struct {
    WfObject ob_base;
    WfMutex io_lock;  // see "Thread safety" above
    int fd;
    char readable, writable, binary, closefd, closed, line_buffering, write_through, seekable;
    WfObject *name;   // str or int
    WfObject *mode;   // str
    char *wbuf;
    size_t wlen, wcap;
    char *rbuf;
    size_t rpos, rlen, rcap;
} FileObject;

extern WfTypeObject wf_textio_type, wf_buffered_reader_type, wf_buffered_writer_type, wf_buffered_random_type;

// io.UnsupportedOperation: class UnsupportedOperation(OSError, ValueError),
// created once at start-up (wf_io_init_std_streams) and immortal.
static WfObject *unsupported_operation;

static WfObject *unsupported(const char *what) {
    WfObject *msg = wf_str_from_cstr(what);
    if (!msg) return NULL;
    WfObject *exc = wf_object_call_one(unsupported_operation, msg);
    wf_decref(msg);
    if (exc) wf_err_set_exc_take(exc);
    return NULL;
}

// The outcome of a locked helper: IO_OK, or an error raised once the
// section has ended (io_raise). A positive value is an errno (OSError).
typedef int IoStatus;
// IO_RAISED: an exception is already set (a signal handler raised).
enum { IO_OK = 0, IO_CLOSED = -1, IO_NO_MEMORY = -2, IO_RAISED = -3 };

// Sets the exception for a failed status; returns NULL.
static WfObject *io_raise(IoStatus st) {
    if (st == IO_CLOSED) {
        wf_err_set_string(&wf_exc_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    if (st == IO_NO_MEMORY) return wf_err_no_memory();
    if (st == IO_RAISED) return NULL;
    errno = st;
    return wf_err_set_from_errno(&wf_exc_OSError);
}

static bool is_closed(FileObject *f) {
    // relaxed: an early check only (or one made under the lock, which
    // orders it with close_locked's store); the lock orders the buffers.
    return __atomic_load_n(&f->closed, __ATOMIC_RELAXED) != 0;
}

static int check_open(FileObject *f) {
    if (is_closed(f)) {
        io_raise(IO_CLOSED);
        return -1;
    }
    return 0;
}

static void file_lock(FileObject *f) { wf_mutex_lock(&f->io_lock); }  // waits detached
static void file_unlock(FileObject *f) { wf_mutex_unlock(&f->io_lock); }

// The helpers below run with the file's lock held (see the header comment).

static IoStatus raw_write_all(FileObject *f, const char *p, size_t n) {
    while (n > 0) {
        wf_thread_detach();  // may block (a full pipe): let stop-the-world / the GIL go on
        ssize_t w = write(f->fd, p, n);
        int err = errno;
        wf_thread_attach();
        errno = err;
        if (w < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        p += w;
        n -= (size_t)w;
    }
    return IO_OK;
}

static IoStatus flush_write(FileObject *f) {
    if (f->wlen == 0) return IO_OK;
    size_t n = f->wlen;
    f->wlen = 0;
    return raw_write_all(f, f->wbuf, n);
}

// Drop buffered input, moving the fd back to the logical position.
static void drop_read(FileObject *f) {
    if (f->rlen > f->rpos && f->seekable) lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
    f->rpos = f->rlen = 0;
}

static IoStatus buffer_write(FileObject *f, const char *p, size_t n) {
    drop_read(f);
    if (f->write_through) return raw_write_all(f, p, n);
    if (f->wlen + n > f->wcap) {
        IoStatus st = flush_write(f);
        if (st != IO_OK) return st;
        if (n >= 8192) return raw_write_all(f, p, n);
        if (!f->wbuf) {
            f->wbuf = wf_mem_malloc(8192);
            if (!f->wbuf) return IO_NO_MEMORY;
            f->wcap = 8192;
        }
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    if (f->line_buffering && memchr(p, '\n', n)) return flush_write(f);
    return IO_OK;
}

// Ensure at least one unread byte is buffered. *got: 0 at EOF, 1 ok.
// A read interrupted by a signal runs the Python handlers (PEP 475) with the
// lock released — the file is consistent then: nothing buffered either way —
// and starts over (another thread may have filled the buffer meanwhile);
// IO_RAISED when a handler raised (KeyboardInterrupt at input()).
static IoStatus fill(FileObject *f, int *got) {
again:
    *got = 0;
    if (f->rpos < f->rlen) {
        *got = 1;
        return IO_OK;
    }
    IoStatus st = flush_write(f);
    if (st != IO_OK) return st;
    if (!f->rbuf) {
        f->rbuf = wf_mem_malloc(8192);
        if (!f->rbuf) return IO_NO_MEMORY;
        f->rcap = 8192;
    }
    for (;;) {
        wf_thread_detach();  // may block (a terminal, a pipe)
        ssize_t r = read(f->fd, f->rbuf, f->rcap);
        int err = errno;
        wf_thread_attach();
        errno = err;
        if (r < 0) {
            if (errno != EINTR) return errno;
            file_unlock(f);
            int handled = wf_eval_check_signals();
            file_lock(f);
            if (handled < 0) return IO_RAISED;
            if (is_closed(f)) return IO_CLOSED;
            goto again;
        }
        f->rpos = 0;
        f->rlen = (size_t)r;
        *got = r > 0;
        return IO_OK;
    }
}

// Whether the next buffered byte (after a fill) is c; consumes it if so.
static IoStatus skip_byte(FileObject *f, char c) {
    int got;
    IoStatus st = fill(f, &got);
    if (st == IO_OK && got && f->rbuf[f->rpos] == c) f->rpos++;
    return st;
}

// Growable byte accumulator (private to one call: needs no lock).
typedef struct {
    char *p;
    size_t n, cap;
} Bytes;

static IoStatus bytes_add(Bytes *b, const char *p, size_t n) {
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n) cap *= 2;
        char *np = wf_mem_realloc(b->p, cap);
        if (!np) return IO_NO_MEMORY;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return IO_OK;
}

// Read up to `limit` bytes (-1: all); stop after a newline when `line`.
static IoStatus read_bytes(FileObject *f, wf_ssize limit, int line, Bytes *out) {
    for (;;) {
        if (limit >= 0 && (wf_ssize)out->n >= limit) return IO_OK;
        int got;
        IoStatus st = fill(f, &got);
        if (st != IO_OK || !got) return st;
        size_t avail = f->rlen - f->rpos;
        if (limit >= 0 && (wf_ssize)avail > limit - (wf_ssize)out->n) avail = (size_t)(limit - (wf_ssize)out->n);
        const char *start = f->rbuf + f->rpos;
        if (line) {
            const char *nl = memchr(start, '\n', avail);
            if (nl) avail = (size_t)(nl - start) + 1;
        }
        st = bytes_add(out, start, avail);
        if (st != IO_OK) return st;
        f->rpos += avail;
        if (line && out->n && out->p[out->n - 1] == '\n') return IO_OK;
    }
}

// The UTF-8 sequence length announced by a lead byte (as read_chars reads).
static size_t char_length(unsigned char c) { return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4; }

// Read up to `limit` characters of text: each character's bytes (a lead byte
// and its announced continuation bytes, fewer at EOF) go to out, with \r\n and
// \r translated to \n. Decoded after the section (decode_chars).
static IoStatus read_chars(FileObject *f, wf_ssize limit, Bytes *out) {
    for (wf_ssize got = 0; got < limit; got++) {
        size_t start = out->n;
        IoStatus st = read_bytes(f, (wf_ssize)start + 1, 0, out);
        if (st != IO_OK || out->n == start) return st;
        size_t len = char_length((unsigned char)out->p[start]);
        if (len > 1) st = read_bytes(f, (wf_ssize)(start + len), 0, out);
        else if (out->p[start] == '\r') {
            st = skip_byte(f, '\n');
            out->p[start] = '\n';
        }
        if (st != IO_OK) return st;
    }
    return IO_OK;
}

// Decode what read_chars read, one character's bytes at a time (so a decoding
// error reports the position within its character, as before).
static WfObject *decode_chars(Bytes *b) {
    WfStrBuilder sb;
    wf_str_builder_init(&sb);
    for (size_t i = 0; i < b->n;) {
        size_t len = char_length((unsigned char)b->p[i]);
        if (len > b->n - i) len = b->n - i;
        if (wf_str_builder_append_utf8(&sb, b->p + i, (wf_ssize)len) < 0) {
            wf_str_builder_discard(&sb);
            return NULL;
        }
        i += len;
    }
    return wf_str_builder_finish(&sb);
}

// Text decoding with universal newlines (\r\n and \r become \n).
static WfObject *decode_text(Bytes *b) {
    size_t j = 0;
    for (size_t i = 0; i < b->n; i++) {
        char c = b->p[i];
        if (c == '\r') {
            if (i + 1 < b->n && b->p[i + 1] == '\n') i++;
            c = '\n';
        }
        b->p[j++] = c;
    }
    return wf_str_from_utf8(b->p ? b->p : "", (wf_ssize)j);
}

// The result of a read: bytes or decoded text; frees the accumulator.
static WfObject *finish_read(FileObject *f, Bytes *b, IoStatus st) {
    WfObject *r = st != IO_OK ? io_raise(st)
                  : f->binary ? wf_bytes_from_data(b->p ? b->p : "", (wf_ssize)b->n)
                              : decode_text(b);
    wf_mem_free(b->p);
    return r;
}

static WfObject *file_write(WfObject *self, WfObject *arg) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    if (!f->writable) return unsupported("not writable");
    const char *d;
    wf_ssize n, result;
    if (f->binary) {
        if (wf_bytes_like_get(arg, &d, &n) < 0) return NULL;
        result = n;
    } else {
        if (!wf_str_check(arg)) return wf_err_format(&wf_exc_TypeError, "write() argument must be str, not %T", arg);
        d = wf_str_as_utf8(arg, &n);
        if (!d) return NULL;
        result = wf_str_length(arg);
    }
    IoStatus st;
    file_lock(f);
    st = is_closed(f) ? IO_CLOSED : buffer_write(f, d, (size_t)n);
    file_unlock(f);
    if (st != IO_OK) return io_raise(st);
    return wf_int_from_ssize(result);
}

static wf_ssize size_arg(WfObject *const *args, size_t nargs) {
    if (nargs == 0 || args[0] == wf_None) return -1;
    return wf_int_as_ssize(args[0]);
}

static WfObject *file_read(WfObject *self, WfObject *const *args, size_t nargs) {
    FileObject *f = (FileObject *)self;
    if (wf_arg_check_positional("read", nargs, 0, 1) < 0 || check_open(f) < 0) return NULL;
    if (!f->readable) return unsupported("not readable");
    wf_ssize limit = size_arg(args, nargs);
    if (limit == -1 && wf_err_occurred()) return NULL;
    if (limit < -1) limit = -1;
    Bytes b = {0};
    IoStatus st;
    bool chars = !f->binary && limit >= 0;  // read `limit` characters
    file_lock(f);
    st = is_closed(f) ? IO_CLOSED : chars ? read_chars(f, limit, &b) : read_bytes(f, limit, 0, &b);
    file_unlock(f);
    if (!chars) return finish_read(f, &b, st);
    WfObject *r = st != IO_OK ? io_raise(st) : decode_chars(&b);
    wf_mem_free(b.p);
    return r;
}

static WfObject *readline_impl(FileObject *f, wf_ssize limit) {
    Bytes b = {0};
    IoStatus st;
    file_lock(f);
    st = is_closed(f) ? IO_CLOSED : read_bytes(f, limit, 1, &b);
    // A lone \r ends the line; swallow a following \n.
    if (st == IO_OK && !f->binary && b.n && b.p[b.n - 1] == '\r') st = skip_byte(f, '\n');
    file_unlock(f);
    return finish_read(f, &b, st);
}

static WfObject *file_readline(WfObject *self, WfObject *const *args, size_t nargs) {
    FileObject *f = (FileObject *)self;
    if (wf_arg_check_positional("readline", nargs, 0, 1) < 0 || check_open(f) < 0) return NULL;
    if (!f->readable) return unsupported("not readable");
    wf_ssize limit = size_arg(args, nargs);
    if (limit == -1 && wf_err_occurred()) return NULL;
    return readline_impl(f, limit < 0 ? -1 : limit);
}

static WfObject *file_iternext(WfObject *self) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    WfObject *line = readline_impl(f, -1);
    if (!line) return NULL;
    wf_ssize n = f->binary ? wf_bytes_size(line) : wf_str_length(line);
    if (n == 0) {
        wf_decref(line);
        return NULL;
    }
    return line;
}

static WfObject *file_iter(WfObject *self) {
    if (check_open((FileObject *)self) < 0) return NULL;
    return wf_newref(self);
}

static WfObject *file_readlines(WfObject *self, WfObject *const *args, size_t nargs) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    WfObject *l = wf_list_new(0);
    if (!l) return NULL;
    WfObject *line;
    while ((line = file_iternext(self)))
        if (wf_list_append_take(l, line) < 0) {
            wf_decref(l);
            return NULL;
        }
    if (wf_err_occurred()) {
        wf_decref(l);
        return NULL;
    }
    return l;
}

static WfObject *file_writelines(WfObject *self, WfObject *lines) {
    WfObject *it = wf_object_get_iter(lines);
    if (!it) return NULL;
    WfObject *item;
    while ((item = wf_iter_next(it))) {
        WfObject *r = file_write(self, item);
        wf_decref(item);
        if (!r) {
            wf_decref(it);
            return NULL;
        }
        wf_decref(r);
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_None;
}

// Flush pending output of an open file. Under the lock.
static IoStatus flush_locked(FileObject *f) { return is_closed(f) ? IO_CLOSED : flush_write(f); }

static WfObject *file_flush(WfObject *self, WfObject *unused) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    IoStatus st;
    file_lock(f);
    st = flush_locked(f);
    file_unlock(f);
    if (st != IO_OK) return io_raise(st);
    return wf_None;
}

// Under the lock (or with the only reference, from dealloc).
static IoStatus close_locked(FileObject *f) {
    if (f->closed) return IO_OK;
    IoStatus st = flush_write(f);
    // relaxed: see is_closed.
    __atomic_store_n(&f->closed, 1, __ATOMIC_RELAXED);
    if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && st == IO_OK) st = errno;
    return st;
}

static WfObject *file_close(WfObject *self, WfObject *unused) {
    FileObject *f = (FileObject *)self;
    IoStatus st;
    file_lock(f);
    st = close_locked(f);
    file_unlock(f);
    if (st != IO_OK) return io_raise(st);
    return wf_None;
}

static WfObject *file_enter(WfObject *self, WfObject *unused) {
    if (check_open((FileObject *)self) < 0) return NULL;
    return wf_newref(self);
}

static WfObject *file_exit(WfObject *self, WfObject *const *args, size_t nargs) { return file_close(self, NULL); }

static WfObject *file_fileno(WfObject *self, WfObject *unused) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    return wf_smallint_new(f->fd);
}

static WfObject *file_isatty(WfObject *self, WfObject *unused) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    return wf_bool_from(isatty(f->fd));
}

static WfObject *file_readable(WfObject *self, WfObject *unused) {
    if (check_open((FileObject *)self) < 0) return NULL;
    return wf_bool_from(((FileObject *)self)->readable);
}
static WfObject *file_writable(WfObject *self, WfObject *unused) {
    if (check_open((FileObject *)self) < 0) return NULL;
    return wf_bool_from(((FileObject *)self)->writable);
}
static WfObject *file_seekable(WfObject *self, WfObject *unused) {
    if (check_open((FileObject *)self) < 0) return NULL;
    return wf_bool_from(((FileObject *)self)->seekable);
}

static WfObject *file_tell(WfObject *self, WfObject *unused) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    IoStatus st;
    long long pos = 0;
    file_lock(f);
    st = flush_locked(f);
    if (st == IO_OK) {
        off_t at = lseek(f->fd, 0, SEEK_CUR);
        if (at < 0) st = errno;
        else pos = (long long)at - (long long)(f->rlen - f->rpos);
    }
    file_unlock(f);
    if (st != IO_OK) return io_raise(st);
    return wf_int_from_long_long(pos);
}

static WfObject *file_seek(WfObject *self, WfObject *const *args, size_t nargs) {
    FileObject *f = (FileObject *)self;
    if (wf_arg_check_positional("seek", nargs, 1, 2) < 0 || check_open(f) < 0) return NULL;
    long long off = wf_int_as_long_long(args[0]);
    if (off == -1 && wf_err_occurred()) return NULL;
    long long whence = nargs > 1 ? wf_int_as_long_long(args[1]) : 0;
    if (whence == -1 && wf_err_occurred()) return NULL;
    IoStatus st;
    off_t pos = 0;
    file_lock(f);
    st = flush_locked(f);
    if (st == IO_OK) {
        if (whence == SEEK_CUR) off -= (long long)(f->rlen - f->rpos);
        f->rpos = f->rlen = 0;
        pos = lseek(f->fd, (off_t)off, (int)whence);
        if (pos < 0) st = errno;
    }
    file_unlock(f);
    if (st != IO_OK) return io_raise(st);
    return wf_int_from_long_long((long long)pos);
}

static WfObject *file_truncate(WfObject *self, WfObject *const *args, size_t nargs) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    bool given = nargs && args[0] != wf_None;
    off_t size = 0;
    if (given) {
        size = (off_t)wf_int_as_long_long(args[0]);
        if (size == -1 && wf_err_occurred()) return NULL;
    }
    IoStatus st;
    file_lock(f);
    st = flush_locked(f);
    if (st == IO_OK && !given) {
        size = lseek(f->fd, 0, SEEK_CUR);
        if (size < 0) st = errno;
    }
    if (st == IO_OK && ftruncate(f->fd, size) < 0) st = errno;
    file_unlock(f);
    if (st != IO_OK) return io_raise(st);
    return wf_int_from_long_long((long long)size);
}

static WfObject *file_get_closed(WfObject *self, void *c) { return wf_bool_from(is_closed((FileObject *)self)); }
static WfObject *file_get_name(WfObject *self, void *c) { return wf_newref(((FileObject *)self)->name); }
static WfObject *file_get_mode(WfObject *self, void *c) { return wf_newref(((FileObject *)self)->mode); }
static WfObject *file_get_encoding(WfObject *self, void *c) { return wf_str_from_cstr("utf-8"); }
static WfObject *file_get_errors(WfObject *self, void *c) { return wf_str_from_cstr("strict"); }
static WfObject *file_get_line_buffering(WfObject *self, void *c) {
    return wf_bool_from(((FileObject *)self)->line_buffering);
}
static WfObject *file_get_buffer(WfObject *self, void *c) { return wf_newref(self); }

static WfObject *file_repr(WfObject *self) {
    FileObject *f = (FileObject *)self;
    const char *tname = wf_type_of(self)->tp_name;
    if (f->binary) return wf_str_from_format("<%s name=%R>", tname, f->name);
    return wf_str_from_format("<%s name=%R mode=%R encoding='utf-8'>", tname, f->name, f->mode);
}

static void file_dealloc(WfObject *self) {
    FileObject *f = (FileObject *)self;
    (void)close_locked(f);  // the last reference: no lock needed; errors are dropped
    wf_mem_free(f->wbuf);
    wf_mem_free(f->rbuf);
    wf_xdecref(f->name);
    wf_xdecref(f->mode);
    wf_type_of(self)->tp_free(self);
}

static const WfMethodDef file_methods[] = {
    WF_METHOD("write", file_write, WF_METH_O, "write($self, s, /)\n--\n\nWrite string s to stream."),
    WF_METHOD("read", file_read, WF_METH_FASTCALL, "read($self, size=-1, /)\n--\n\nRead at most size characters from stream."),
    WF_METHOD("readline", file_readline, WF_METH_FASTCALL, "readline($self, size=-1, /)\n--\n\nRead until newline or EOF."),
    WF_METHOD("readlines", file_readlines, WF_METH_FASTCALL, "readlines($self, hint=-1, /)\n--\n\nReturn a list of lines from the stream."),
    WF_METHOD("writelines", file_writelines, WF_METH_O, "writelines($self, lines, /)\n--\n\nWrite a list of lines to stream."),
    WF_METHOD("flush", file_flush, WF_METH_NOARGS, "flush($self, /)\n--\n\nFlush write buffers, if applicable."),
    WF_METHOD("close", file_close, WF_METH_NOARGS, "close($self, /)\n--\n\nFlush and close the IO object."),
    WF_METHOD("fileno", file_fileno, WF_METH_NOARGS, "fileno($self, /)\n--\n\nReturn underlying file descriptor."),
    WF_METHOD("isatty", file_isatty, WF_METH_NOARGS, "isatty($self, /)\n--\n\nReturn whether this is an 'interactive' stream."),
    WF_METHOD("readable", file_readable, WF_METH_NOARGS, "readable($self, /)\n--\n\nReturn whether object was opened for reading."),
    WF_METHOD("writable", file_writable, WF_METH_NOARGS, "writable($self, /)\n--\n\nReturn whether object was opened for writing."),
    WF_METHOD("seekable", file_seekable, WF_METH_NOARGS, "seekable($self, /)\n--\n\nReturn whether object supports random access."),
    WF_METHOD("tell", file_tell, WF_METH_NOARGS, "tell($self, /)\n--\n\nReturn current stream position."),
    WF_METHOD("seek", file_seek, WF_METH_FASTCALL, "seek($self, cookie, whence=0, /)\n--\n\nChange stream position."),
    WF_METHOD("truncate", file_truncate, WF_METH_FASTCALL, "truncate($self, pos=None, /)\n--\n\nTruncate file to size bytes."),
    WF_METHOD("__enter__", file_enter, WF_METH_NOARGS, NULL),
    WF_METHOD("__exit__", file_exit, WF_METH_FASTCALL, NULL),
    WF_METHOD_END,
};

static const WfGetSetDef file_getset[] = {
    {"closed", file_get_closed, NULL, NULL, NULL},
    {"name", file_get_name, NULL, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL, NULL},
    {"errors", file_get_errors, NULL, NULL, NULL},
    {"line_buffering", file_get_line_buffering, NULL, NULL, NULL},
    {"buffer", file_get_buffer, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define FILE_TYPE(cname, pyname)                                                                          \
    WfTypeObject cname = {                                                                                \
        WF_STATIC_TYPE_HEAD,                                                                              \
        .tp_name = pyname,                                                                                \
        .tp_basicsize = sizeof(FileObject),                                                               \
        .tp_flags = WF_TPFLAGS_DISALLOW_INSTANTIATION,                                                    \
        .tp_dealloc = file_dealloc,                                                                       \
        .tp_repr = file_repr,                                                                             \
        .tp_iter = file_iter,                                                                             \
        .tp_iternext = file_iternext,                                                                     \
        .tp_methods = file_methods,                                                                       \
        .tp_getset = file_getset,                                                                         \
    };
FILE_TYPE(wf_textio_type, "_io.TextIOWrapper")
FILE_TYPE(wf_buffered_reader_type, "_io.BufferedReader")
FILE_TYPE(wf_buffered_writer_type, "_io.BufferedWriter")
FILE_TYPE(wf_buffered_random_type, "_io.BufferedRandom")

static WfObject *file_new(int fd, WfObject *name, const char *mode, int readable, int writable, int binary,
                          int closefd) {
    WfTypeObject *t = !binary ? &wf_textio_type
                      : readable && writable ? &wf_buffered_random_type
                      : writable ? &wf_buffered_writer_type
                                 : &wf_buffered_reader_type;
    if (!(t->tp_flags & WF_TPFLAGS_READY) && wf_type_ready(t) < 0) return NULL;
    FileObject *f = (FileObject *)wf_object_alloc(t);
    if (!f) return NULL;
    f->fd = fd;
    f->readable = (char)readable;
    f->writable = (char)writable;
    f->binary = (char)binary;
    f->closefd = (char)closefd;
    f->seekable = lseek(fd, 0, SEEK_CUR) >= 0;
    f->name = wf_newref(name);
    f->mode = wf_str_from_cstr(mode);
    if (!f->mode) {
        wf_decref((WfObject *)f);
        return NULL;
    }
    return (WfObject *)f;
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)
WfObject *wf_io_open(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {
        "open", "O|OOOOOOO", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener", NULL}};
    WfObject *file, *mode = NULL, *buffering = NULL, *encoding = NULL, *errors = NULL, *newline = NULL,
                    *closefd = NULL, *opener = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &file, &mode, &buffering, &encoding, &errors, &newline, &closefd,
                     &opener) < 0)
        return NULL;
    const char *m = "r";
    if (mode) {
        if (!wf_str_check(mode)) return wf_err_format(&wf_exc_TypeError, "open() argument 'mode' must be str, not %T", mode);
        m = wf_str_as_utf8_borrow(mode);
        if (!m) return NULL;
    }
    int r = 0, w = 0, a = 0, x = 0, plus = 0, b = 0, t = 0;
    for (const char *p = m; *p; p++) {
        int *flag = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'a' ? &a : *p == 'x' ? &x : *p == '+' ? &plus
                    : *p == 'b' ? &b : *p == 't' ? &t : NULL;
        if (!flag || *flag) return wf_err_format(&wf_exc_ValueError, "invalid mode: '%s'", m);
        *flag = 1;
    }
    if (r + w + a + x != 1)
        return wf_err_format(&wf_exc_ValueError, "must have exactly one of create/read/write/append mode");
    if (b && t) return wf_err_format(&wf_exc_ValueError, "can't have text and binary mode at once");
    if (b && encoding && encoding != wf_None)
        return wf_err_format(&wf_exc_ValueError, "binary mode doesn't take an encoding argument");
    int flags = O_CLOEXEC;
    int readable = r || plus, writable = w || a || x || plus;
    flags |= readable && writable ? O_RDWR : writable ? O_WRONLY : O_RDONLY;
    if (w) flags |= O_CREAT | O_TRUNC;
    if (a) flags |= O_CREAT | O_APPEND;
    if (x) flags |= O_CREAT | O_EXCL;
    int fd;
    int close_it = 1;
    if (wf_int_check(file)) {
        fd = (int)wf_int_as_ssize(file);
        if (fd == -1 && wf_err_occurred()) return NULL;
        if (closefd) {
            int c = wf_object_is_true(closefd);
            if (c < 0) return NULL;
            close_it = c;
        }
    } else {
        if (!wf_str_check(file)) return wf_err_format(&wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
        const char *path = wf_str_as_utf8_borrow(file);
        if (!path) return NULL;
        do {
            fd = open(path, flags, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0) return wf_err_set_from_errno_filename(&wf_exc_OSError, file);
    }
    // Canonical mode string as CPython reports it.
    char canon[8];
    size_t k = 0;
    if (b) {
        canon[k++] = r ? 'r' : w ? 'w' : a ? 'a' : 'x';
        if (plus) canon[k++] = '+';
        canon[k++] = 'b';
    } else {
        snprintf(canon, sizeof canon, "%s", m);
        k = strlen(canon);
    }
    canon[k] = 0;
    WfObject *fo = file_new(fd, file, canon, readable, writable, b, close_it);
    if (!fo && close_it) close(fd);
    if (fo && a) lseek(fd, 0, SEEK_END);
    return fo;
}

static int make_unsupported_operation(void) {
    WfObject *name = wf_str_from_cstr("UnsupportedOperation");
    WfObject *bases = wf_tuple_pack(2, (WfObject *)&wf_exc_OSError, (WfObject *)&wf_exc_ValueError);
    WfObject *ns = wf_dict_new();
    WfObject *mod = wf_str_from_cstr("io");
    if (!name || !bases || !ns || !mod || wf_dict_set_item_cstr(ns, "__module__", mod) < 0) goto done;
    WfObject *args[3] = {name, bases, ns};
    unsupported_operation = wf_object_call((WfObject *)&wf_type_type, args, 3, NULL);
    if (unsupported_operation) wf_object_set_immortal(unsupported_operation);
done:
    wf_xdecref(name);
    wf_xdecref(bases);
    wf_xdecref(ns);
    wf_xdecref(mod);
    return unsupported_operation ? 0 : -1;
}

int wf_io_init_std_streams(WfObject *sys_module) {
    WfObject *d = wf_module_dict_borrow(sys_module);
    if (make_unsupported_operation() < 0) return -1;
    struct { const char *name, *dunder, *mode; int fd, r, w; } std[] = {
        {"stdin", "__stdin__", "r", 0, 1, 0},
        {"stdout", "__stdout__", "w", 1, 0, 1},
        {"stderr", "__stderr__", "w", 2, 0, 1},
    };
    for (int i = 0; i < 3; i++) {
        WfObject *name = wf_str_from_format("<%s>", std[i].name);
        if (!name) return -1;
        WfObject *f = file_new(std[i].fd, name, std[i].mode, std[i].r, std[i].w, 0, 0);
        wf_decref(name);
        if (!f) return -1;
        FileObject *fo = (FileObject *)f;
        fo->line_buffering = (char)(std[i].fd == 2 || isatty(std[i].fd));
        fo->write_through = (char)(wf_runtime.flag_unbuffered && std[i].fd != 0);
        if (wf_dict_set_item_cstr(d, std[i].name, f) < 0 || wf_dict_set_item_cstr(d, std[i].dunder, f) < 0) {
            wf_decref(f);
            return -1;
        }
        wf_decref(f);
    }
    return 0;
}

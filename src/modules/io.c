// io.c — file objects (open(), sys.stdin/stdout/stderr): a text wrapper
// (UTF-8, universal newlines on read) and binary buffered readers/writers,
// all over one POSIX file descriptor with a private read and write buffer.
//
// Invariants: wbuf holds bytes written but not yet passed to write(2);
// rbuf[rpos..rlen) holds bytes read from the fd but not yet consumed. A file
// is never both holding unread input and pending output (switching direction
// flushes / drops the other buffer, adjusting the fd offset). Thread safety:
// each method runs inside the file's critical section once threads land (the
// buffers are per-object; no global state).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

typedef struct {
    WfObject ob_base;
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

static int check_open(FileObject *f) {
    if (f->closed) {
        wf_err_set_string(&wf_exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int raw_write_all(FileObject *f, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(f->fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            wf_err_set_from_errno(&wf_exc_OSError);
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int flush_write(FileObject *f) {
    if (f->wlen == 0) return 0;
    size_t n = f->wlen;
    f->wlen = 0;
    return raw_write_all(f, f->wbuf, n);
}

// Drop buffered input, moving the fd back to the logical position.
static void drop_read(FileObject *f) {
    if (f->rlen > f->rpos && f->seekable) lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
    f->rpos = f->rlen = 0;
}

static int buffer_write(FileObject *f, const char *p, size_t n) {
    drop_read(f);
    if (f->write_through) return raw_write_all(f, p, n);
    if (f->wlen + n > f->wcap) {
        if (flush_write(f) < 0) return -1;
        if (n >= 8192) return raw_write_all(f, p, n);
        if (!f->wbuf) {
            f->wcap = 8192;
            f->wbuf = wf_mem_malloc(f->wcap);
            if (!f->wbuf) {
                wf_err_no_memory();
                return -1;
            }
        }
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    if (f->line_buffering && memchr(p, '\n', n)) return flush_write(f);
    return 0;
}

// Ensure at least one unread byte is buffered; 0 at EOF, 1 ok, -1 error.
static int fill(FileObject *f) {
    if (f->rpos < f->rlen) return 1;
    if (flush_write(f) < 0) return -1;
    if (!f->rbuf) {
        f->rcap = 8192;
        f->rbuf = wf_mem_malloc(f->rcap);
        if (!f->rbuf) {
            wf_err_no_memory();
            return -1;
        }
    }
    for (;;) {
        ssize_t r = read(f->fd, f->rbuf, f->rcap);
        if (r < 0) {
            if (errno == EINTR) continue;
            wf_err_set_from_errno(&wf_exc_OSError);
            return -1;
        }
        f->rpos = 0;
        f->rlen = (size_t)r;
        return r > 0;
    }
}

// Growable byte accumulator.
typedef struct {
    char *p;
    size_t n, cap;
} Bytes;

static int bytes_add(Bytes *b, const char *p, size_t n) {
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n) cap *= 2;
        char *np = wf_mem_realloc(b->p, cap);
        if (!np) {
            wf_err_no_memory();
            return -1;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}

// Read up to `limit` bytes (-1: all); stop after a newline when `line`.
static int read_bytes(FileObject *f, wf_ssize limit, int line, Bytes *out) {
    for (;;) {
        if (limit >= 0 && (wf_ssize)out->n >= limit) return 0;
        int r = fill(f);
        if (r <= 0) return r;
        size_t avail = f->rlen - f->rpos;
        if (limit >= 0 && (wf_ssize)avail > limit - (wf_ssize)out->n) avail = (size_t)(limit - (wf_ssize)out->n);
        const char *start = f->rbuf + f->rpos;
        if (line) {
            const char *nl = memchr(start, '\n', avail);
            if (nl) avail = (size_t)(nl - start) + 1;
        }
        if (bytes_add(out, start, avail) < 0) return -1;
        f->rpos += avail;
        if (line && out->n && out->p[out->n - 1] == '\n') return 0;
    }
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

static WfObject *file_write(WfObject *self, WfObject *arg) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    if (!f->writable) return unsupported("not writable");
    if (f->binary) {
        const char *d;
        wf_ssize n;
        if (wf_bytes_like_get(arg, &d, &n) < 0) return NULL;
        if (buffer_write(f, d, (size_t)n) < 0) return NULL;
        return wf_int_from_ssize(n);
    }
    if (!wf_str_check(arg)) return wf_err_format(&wf_exc_TypeError, "write() argument must be str, not %T", arg);
    wf_ssize n;
    const char *s = wf_str_as_utf8(arg, &n);
    if (!s) return NULL;
    if (buffer_write(f, s, (size_t)n) < 0) return NULL;
    return wf_int_from_ssize(wf_str_length(arg));
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
    if (!f->binary && limit >= 0) {
        // Read `limit` characters: accumulate until enough code points.
        WfStrBuilder sb;
        wf_str_builder_init(&sb);
        wf_ssize got = 0;
        while (got < limit) {
            b.n = 0;
            if (read_bytes(f, 1, 0, &b) < 0) goto text_error;
            if (b.n == 0) break;
            unsigned char c = (unsigned char)b.p[0];
            int extra = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
            if (extra && read_bytes(f, 1 + extra, 0, &b) < 0) goto text_error;
            if (b.n == 1 && b.p[0] == '\r') {
                if (fill(f) > 0 && f->rbuf[f->rpos] == '\n') f->rpos++;
                b.p[0] = '\n';
            }
            if (wf_str_builder_append_utf8(&sb, b.p, (wf_ssize)b.n) < 0) goto text_error;
            got++;
        }
        wf_mem_free(b.p);
        return wf_str_builder_finish(&sb);
    text_error:
        wf_mem_free(b.p);
        wf_str_builder_discard(&sb);
        return NULL;
    }
    if (read_bytes(f, limit, 0, &b) < 0) {
        wf_mem_free(b.p);
        return NULL;
    }
    WfObject *r = f->binary ? wf_bytes_from_data(b.p ? b.p : "", (wf_ssize)b.n) : decode_text(&b);
    wf_mem_free(b.p);
    return r;
}

static WfObject *readline_impl(FileObject *f, wf_ssize limit) {
    Bytes b = {0};
    int r = read_bytes(f, limit, 1, &b);
    if (r < 0) {
        wf_mem_free(b.p);
        return NULL;
    }
    if (!f->binary && b.n && b.p[b.n - 1] == '\r') {
        // A lone \r ends the line; swallow a following \n.
        if (fill(f) > 0 && f->rbuf[f->rpos] == '\n') f->rpos++;
    }
    WfObject *res = f->binary ? wf_bytes_from_data(b.p ? b.p : "", (wf_ssize)b.n) : decode_text(&b);
    wf_mem_free(b.p);
    return res;
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

static WfObject *file_flush(WfObject *self, WfObject *unused) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0) return NULL;
    if (flush_write(f) < 0) return NULL;
    return wf_None;
}

static int close_impl(FileObject *f) {
    if (f->closed) return 0;
    int r = flush_write(f);
    f->closed = 1;
    if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && r == 0) {
        wf_err_set_from_errno(&wf_exc_OSError);
        r = -1;
    }
    return r;
}

static WfObject *file_close(WfObject *self, WfObject *unused) {
    if (close_impl((FileObject *)self) < 0) return NULL;
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
    if (check_open(f) < 0 || flush_write(f) < 0) return NULL;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) return wf_err_set_from_errno(&wf_exc_OSError);
    return wf_int_from_long_long((long long)pos - (long long)(f->rlen - f->rpos));
}

static WfObject *file_seek(WfObject *self, WfObject *const *args, size_t nargs) {
    FileObject *f = (FileObject *)self;
    if (wf_arg_check_positional("seek", nargs, 1, 2) < 0 || check_open(f) < 0) return NULL;
    long long off = wf_int_as_long_long(args[0]);
    if (off == -1 && wf_err_occurred()) return NULL;
    long long whence = nargs > 1 ? wf_int_as_long_long(args[1]) : 0;
    if (whence == -1 && wf_err_occurred()) return NULL;
    if (flush_write(f) < 0) return NULL;
    if (whence == SEEK_CUR) off -= (long long)(f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    off_t pos = lseek(f->fd, (off_t)off, (int)whence);
    if (pos < 0) return wf_err_set_from_errno(&wf_exc_OSError);
    return wf_int_from_long_long((long long)pos);
}

static WfObject *file_truncate(WfObject *self, WfObject *const *args, size_t nargs) {
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0 || flush_write(f) < 0) return NULL;
    off_t size;
    if (nargs && args[0] != wf_None) size = (off_t)wf_int_as_long_long(args[0]);
    else size = lseek(f->fd, 0, SEEK_CUR);
    if (ftruncate(f->fd, size) < 0) return wf_err_set_from_errno(&wf_exc_OSError);
    return wf_int_from_long_long((long long)size);
}

static WfObject *file_get_closed(WfObject *self, void *c) { return wf_bool_from(((FileObject *)self)->closed); }
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
    if (!f->closed) {
        if (close_impl(f) < 0) wf_err_clear();
    }
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

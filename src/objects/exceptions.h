// exceptions.h — the built-in exception hierarchy (one X-macro list that every
// consumer expands) and the exception object layouts.
//
// Invariant: every exception instance starts with WfBaseExceptionObject; `args`
// is always a tuple; `traceback`, `context`, `cause` are NULL or objects of the
// right kind (traceback / exception instance).
#ifndef WF_EXCEPTIONS_H
#define WF_EXCEPTIONS_H

#include "objects/object.h"

// X(Name, Base, StructType, doc)
#define WF_EXCEPTION_TYPES(X)                                                          \
    X(BaseException, object, WfBaseExceptionObject, "Common base class for all exceptions") \
    X(BaseExceptionGroup, BaseException, WfBaseExceptionObject, "A combination of multiple unrelated exceptions.") \
    X(Exception, BaseException, WfBaseExceptionObject, "Common base class for all non-exit exceptions.") \
    X(GeneratorExit, BaseException, WfBaseExceptionObject, "Request that a generator exit.") \
    X(KeyboardInterrupt, BaseException, WfBaseExceptionObject, "Program interrupted by user.") \
    X(SystemExit, BaseException, WfSystemExitObject, "Request to exit from the interpreter.") \
    X(ArithmeticError, Exception, WfBaseExceptionObject, "Base class for arithmetic errors.") \
    X(FloatingPointError, ArithmeticError, WfBaseExceptionObject, "Floating point operation failed.") \
    X(OverflowError, ArithmeticError, WfBaseExceptionObject, "Result too large to be represented.") \
    X(ZeroDivisionError, ArithmeticError, WfBaseExceptionObject, "Second argument to a division or modulo operation was zero.") \
    X(AssertionError, Exception, WfBaseExceptionObject, "Assertion failed.") \
    X(AttributeError, Exception, WfAttributeErrorObject, "Attribute not found.") \
    X(BufferError, Exception, WfBaseExceptionObject, "Buffer error.") \
    X(EOFError, Exception, WfBaseExceptionObject, "Read beyond end of file.") \
    X(ImportError, Exception, WfImportErrorObject, "Import can't find module, or can't find name in module.") \
    X(ModuleNotFoundError, ImportError, WfImportErrorObject, "Module not found.") \
    X(LookupError, Exception, WfBaseExceptionObject, "Base class for lookup errors.") \
    X(IndexError, LookupError, WfBaseExceptionObject, "Sequence index out of range.") \
    X(KeyError, LookupError, WfBaseExceptionObject, "Mapping key not found.") \
    X(MemoryError, Exception, WfBaseExceptionObject, "Out of memory.") \
    X(NameError, Exception, WfNameErrorObject, "Name not found globally.") \
    X(UnboundLocalError, NameError, WfNameErrorObject, "Local name referenced but not bound to a value.") \
    X(OSError, Exception, WfOSErrorObject, "Base class for I/O related errors.") \
    X(BlockingIOError, OSError, WfOSErrorObject, "I/O operation would block.") \
    X(ChildProcessError, OSError, WfOSErrorObject, "Child process error.") \
    X(ConnectionError, OSError, WfOSErrorObject, "Connection error.") \
    X(BrokenPipeError, ConnectionError, WfOSErrorObject, "Broken pipe.") \
    X(ConnectionAbortedError, ConnectionError, WfOSErrorObject, "Connection aborted.") \
    X(ConnectionRefusedError, ConnectionError, WfOSErrorObject, "Connection refused.") \
    X(ConnectionResetError, ConnectionError, WfOSErrorObject, "Connection reset.") \
    X(FileExistsError, OSError, WfOSErrorObject, "File already exists.") \
    X(FileNotFoundError, OSError, WfOSErrorObject, "File not found.") \
    X(InterruptedError, OSError, WfOSErrorObject, "Interrupted by signal.") \
    X(IsADirectoryError, OSError, WfOSErrorObject, "Operation doesn't work on directories.") \
    X(NotADirectoryError, OSError, WfOSErrorObject, "Operation only works on directories.") \
    X(PermissionError, OSError, WfOSErrorObject, "Not enough permissions.") \
    X(ProcessLookupError, OSError, WfOSErrorObject, "Process not found.") \
    X(TimeoutError, OSError, WfOSErrorObject, "Timeout expired.") \
    X(ReferenceError, Exception, WfBaseExceptionObject, "Weak ref proxy used after referent went away.") \
    X(RuntimeError, Exception, WfBaseExceptionObject, "Unspecified run-time error.") \
    X(NotImplementedError, RuntimeError, WfBaseExceptionObject, "Method or function hasn't been implemented yet.") \
    X(RecursionError, RuntimeError, WfBaseExceptionObject, "Recursion limit exceeded.") \
    X(PythonFinalizationError, RuntimeError, WfBaseExceptionObject, "Operation blocked during Python finalization.") \
    X(StopAsyncIteration, Exception, WfBaseExceptionObject, "Signal the end from iterator.__anext__().") \
    X(StopIteration, Exception, WfStopIterationObject, "Signal the end from iterator.__next__().") \
    X(SyntaxError, Exception, WfSyntaxErrorObject, "Invalid syntax.") \
    X(IndentationError, SyntaxError, WfSyntaxErrorObject, "Improper indentation.") \
    X(TabError, IndentationError, WfSyntaxErrorObject, "Improper mixture of spaces and tabs.") \
    X(SystemError, Exception, WfBaseExceptionObject, "Internal error in the Python interpreter.") \
    X(TypeError, Exception, WfBaseExceptionObject, "Inappropriate argument type.") \
    X(ValueError, Exception, WfBaseExceptionObject, "Inappropriate argument value (of correct type).") \
    X(UnicodeError, ValueError, WfBaseExceptionObject, "Unicode related error.") \
    X(UnicodeDecodeError, UnicodeError, WfUnicodeErrorObject, "Unicode decoding error.") \
    X(UnicodeEncodeError, UnicodeError, WfUnicodeErrorObject, "Unicode encoding error.") \
    X(UnicodeTranslateError, UnicodeError, WfUnicodeErrorObject, "Unicode translation error.") \
    X(Warning, Exception, WfBaseExceptionObject, "Base class for warning categories.") \
    X(DeprecationWarning, Warning, WfBaseExceptionObject, "Base class for warnings about deprecated features.") \
    X(PendingDeprecationWarning, Warning, WfBaseExceptionObject, "Base class for warnings about features which will be deprecated in the future.") \
    X(RuntimeWarning, Warning, WfBaseExceptionObject, "Base class for warnings about dubious runtime behavior.") \
    X(SyntaxWarning, Warning, WfBaseExceptionObject, "Base class for warnings about dubious syntax.") \
    X(UserWarning, Warning, WfBaseExceptionObject, "Base class for warnings generated by user code.") \
    X(FutureWarning, Warning, WfBaseExceptionObject, "Base class for warnings about constructs that will change semantically in the future.") \
    X(ImportWarning, Warning, WfBaseExceptionObject, "Base class for warnings about probable mistakes in module imports") \
    X(UnicodeWarning, Warning, WfBaseExceptionObject, "Base class for warnings about Unicode related problems, mostly related to conversion problems.") \
    X(BytesWarning, Warning, WfBaseExceptionObject, "Base class for warnings about bytes and buffer related problems, mostly related to conversion from str or comparing to str.") \
    X(ResourceWarning, Warning, WfBaseExceptionObject, "Base class for warnings about resource usage.") \
    X(EncodingWarning, Warning, WfBaseExceptionObject, "Base class for warnings about encodings.")

typedef struct {
    WfObject ob_base;
    WfObject *dict;        // instance __dict__ (lazily created)
    WfObject *args;        // tuple
    WfObject *notes;       // __notes__ list or NULL
    WfObject *traceback;   // traceback object or NULL
    WfObject *context;     // exception or NULL
    WfObject *cause;       // exception or NULL
    char suppress_context;
} WfBaseExceptionObject;

typedef struct { WfBaseExceptionObject base; WfObject *code; } WfSystemExitObject;
typedef struct { WfBaseExceptionObject base; WfObject *value; } WfStopIterationObject;
typedef struct { WfBaseExceptionObject base; WfObject *name, *obj; } WfAttributeErrorObject;
typedef struct { WfBaseExceptionObject base; WfObject *name; } WfNameErrorObject;
typedef struct { WfBaseExceptionObject base; WfObject *msg, *name, *path, *name_from; } WfImportErrorObject;
typedef struct {
    WfBaseExceptionObject base;
    WfObject *myerrno, *strerror, *filename, *filename2;
} WfOSErrorObject;
typedef struct {
    WfBaseExceptionObject base;
    WfObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset, *print_file_and_line;
} WfSyntaxErrorObject;
typedef struct {
    WfBaseExceptionObject base;
    WfObject *encoding, *object, *reason;
    wf_ssize start, end;
} WfUnicodeErrorObject;

// The type objects: wf_exc_TypeError, wf_exc_ValueError, ... (static, immortal).
#define WF_DECLARE_EXC(name, base, st, doc) extern WfTypeObject wf_exc_##name;
WF_EXCEPTION_TYPES(WF_DECLARE_EXC)
#undef WF_DECLARE_EXC

int wf_exceptions_init(void);  // ready the types, add them to builtins
WF_INLINE bool wf_exception_check(WfObject *o) {
    return wf_type_has_flag(wf_type_of(o), WF_TPFLAGS_BASE_EXC_SUBCLASS);
}
WF_INLINE bool wf_exception_class_check(WfObject *o) {
    return wf_type_has_flag(wf_type_of(o), WF_TPFLAGS_TYPE_SUBCLASS) &&
           wf_type_has_flag((WfTypeObject *)o, WF_TPFLAGS_BASE_EXC_SUBCLASS);
}
// Create an exception instance: type(*args) through the type's constructor.
WfObject *wf_exception_new(WfTypeObject *type, WfObject *const *args, size_t nargs);
WfObject *wf_exception_get_traceback(WfObject *exc);  // borrowed, may be NULL
void wf_exception_set_traceback(WfObject *exc, WfObject *tb);  // tb: new value (borrowed; increfs)
WfObject *wf_exception_get_context(WfObject *exc);    // borrowed
void wf_exception_set_context(WfObject *exc, WfObject *ctx);  // steals ctx
WfObject *wf_exception_get_cause(WfObject *exc);      // borrowed
void wf_exception_set_cause(WfObject *exc, WfObject *cause);  // steals cause; sets suppress_context
WfObject *wf_exception_get_args(WfObject *exc);       // borrowed tuple
// StopIteration(value).value helper: value of a pending StopIteration (new ref) or None.
WfObject *wf_stop_iteration_value(WfObject *exc);

#endif

# Covers the builtin exception hierarchy: issubclass relations, __mro__ names, catching by base class.
names = [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, AssertionError,
         AttributeError, ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError, NameError,
         UnboundLocalError, RuntimeError, RecursionError, NotImplementedError, StopIteration, SyntaxError,
         TypeError, ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError, OSError,
         FileNotFoundError, KeyboardInterrupt, SystemExit, GeneratorExit]
for cls in names:
    print(cls.__name__, [c.__name__ for c in cls.__mro__], issubclass(cls, Exception))
print(IOError is OSError, EnvironmentError is OSError)
for exc in (ZeroDivisionError("z"), KeyError("k"), IndexError("i"), ModuleNotFoundError("m"),
            UnboundLocalError("u"), RecursionError("r"), FileNotFoundError("f")):
    for base in (ArithmeticError, LookupError, ImportError, NameError, RuntimeError, OSError, Exception):
        try:
            raise exc
        except base:
            print(type(exc).__name__, "caught by", base.__name__)
            break
        except BaseException:
            print(type(exc).__name__, "not", base.__name__)
for exc in (KeyboardInterrupt(), SystemExit(3), GeneratorExit()):
    try:
        try:
            raise exc
        except Exception:
            print("wrongly caught by Exception")
    except BaseException as e:
        print(type(e).__name__, "is BaseException only", repr(e))

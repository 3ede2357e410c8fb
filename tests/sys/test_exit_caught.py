# Covers catching SystemExit: code attribute for int/str/None/no-arg, then exiting with code 0 normally.
import sys
for arg in (0, 1, 42, "message", None):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(type(e).__name__, repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no arg:", repr(e.code), e.args)
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))
print("continues")

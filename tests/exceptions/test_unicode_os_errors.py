# Covers UnicodeError family attributes and OSError/FileNotFoundError from open() on a missing file.
try:
    b"ab\xffcd".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason)
    print(str(e), isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    "aé".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason)
    print(str(e))
try:
    open("definitely_missing_file_for_weft_tests.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e), isinstance(e, OSError))
try:
    open("definitely_missing_file_for_weft_tests.txt", "rb")
except OSError as e:
    print(type(e).__name__, e)
try:
    open("missing_dir_zz/file.txt", "w")
except OSError as e:
    print(type(e).__name__, e)
e = OSError(2, "No such file or directory")
print(type(e).__name__, e.errno, e.strerror, str(e))
e2 = OSError("just a message")
print(e2.errno, e2.strerror, str(e2), e2.args)
try:
    raise FileNotFoundError(2, "gone", "x.txt")
except OSError as e:
    print(type(e).__name__, e, e.filename)

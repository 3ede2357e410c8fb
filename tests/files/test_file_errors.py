# Covers file errors: FileNotFoundError details, invalid modes, and operations on closed files.
try:
    open("_no_such_file_here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
try:
    open("_tmp_test_file_errors.txt", "zz")
except ValueError as e:
    print(type(e).__name__, e)
with open("_tmp_test_file_errors.txt", "w") as f:
    f.write("x")
f.close()
try:
    f.write("more")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open(5.5)
except TypeError as e:
    print(type(e).__name__)
with open("_tmp_test_file_errors.txt") as g:
    print(g.read(), g.closed)
print(g.closed)

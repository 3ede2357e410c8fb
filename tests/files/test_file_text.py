# Covers open() in text mode: write, read, readline, readlines, iteration, with-statement, closed flag.
name = "_tmp_test_file_text.txt"
with open(name, "w") as f:
    print(f.write("first line\n"), f.write("second line\n"), f.write("héllo ✓\n"), f.write("no newline at end"))
    print(f.closed, f.mode, f.name)
print(f.closed)
with open(name) as f:
    data = f.read()
print(repr(data), len(data))
with open(name, "r") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read()), repr(f.readline()), repr(f.read()))
with open(name) as f:
    print(f.readlines())
with open(name) as f:
    for i, line in enumerate(f):
        print(i, repr(line), repr(line.rstrip("\n")))
with open(name) as f:
    print([ln.upper() for ln in f])
with open(name, encoding="utf-8") as f:
    print(repr(f.read(5)), repr(f.read(6)), repr(f.readline()))
f = open(name)
print(f.readline().strip())
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
with open(name, "w") as f:
    f.writelines(["a\n", "b\n", "c"])
with open(name) as f:
    print(f.read().split("\n"))
try:
    with open(name) as f:
        f.write("x")
except Exception as e:
    print(type(e).__name__)

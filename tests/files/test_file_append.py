# Covers append mode, overwrite with "w", print(file=...) to a file, and reading back line counts.
name = "_tmp_test_file_append.txt"
with open(name, "w") as f:
    f.write("line 0\n")
for i in range(1, 4):
    with open(name, "a") as f:
        f.write("line %d\n" % i)
with open(name) as f:
    print(f.read())
with open(name, "a") as f:
    print("printed", 42, sep="=", file=f)
    print("second print", file=f, end="|end\n")
with open(name) as f:
    lines = f.readlines()
print(len(lines), lines[-2:])
with open(name, "w") as f:
    pass
with open(name) as f:
    print(repr(f.read()))

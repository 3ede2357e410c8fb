# Covers print(): multiple args, sep, end, file=sys.stderr, flush, printing of many object kinds.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" -- ")
print("no newline", end="")
print(" <- continued", end="!\n")
print(1, 2.5, None, True, [1], (2,), {"k": "v"}, {3}, b"x", sep="|")
print("x", sep=None, end=None)
print(*range(5))
print(*"abc", sep=",")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("multi\nline\nstring")
print("tab\tseparated", "é✓日")
print("stderr last line", 42, file=sys.stderr)
print("print returns", print("inner"))
print("", "", sep="x")
print("end", "args", sep="\n", end="\n--\n")
try:
    print("x", end=5)
except TypeError as e:
    print(type(e).__name__, e)
class S:
    def __str__(self):
        return "S!"
print(S(), [S()] == [S()])

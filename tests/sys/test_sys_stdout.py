# Covers sys.stdout.write / sys.stderr.write return values, interleaving with print, and flush().
import sys
n = sys.stdout.write("written directly\n")
print("write returned", n)
sys.stdout.write("no newline, ")
sys.stdout.write("then continued\n")
print(sys.stdout.write("é✓\n"))
sys.stdout.flush()
sys.stderr.write("an error line\n")
print("between", end=" ")
sys.stdout.write("mixed\n")
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__)
sys.stderr.write("final stderr line\n")

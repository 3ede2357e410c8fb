# Covers recovering from RecursionError, then sys.exit(str) as the last stderr line and exit code 1.
def down(n):
    return down(n + 1) + 1
print("recursing")
try:
    down(0)
except RecursionError as e:
    print("caught once:", type(e).__name__)
import sys
sys.exit("exiting after recursion")

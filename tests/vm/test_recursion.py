# Covers the recursion limit: depth reached with the default and changed limits, RecursionError messages through C calls, deep Python recursion.
import sys
def f(n): return f(n + 1)
try: f(0)
except RecursionError as e: print("RE", e)
def depth(n=0):
    try: return depth(n + 1)
    except RecursionError: return n
print(depth())
sys.setrecursionlimit(3000)
print(depth())
sys.setrecursionlimit(100)
print(depth())
class A:
    def __repr__(self): return repr(self)
try: repr(A())
except RecursionError as e: print("RE2", e)
class B:
    def __getattr__(self, n): return getattr(self, n)
try: B().x
except RecursionError as e: print("RE3", e)
sys.setrecursionlimit(100000)
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)

# demo.py — a first look at weft: a Python 3 interpreter whose threads run in
# parallel (no GIL). This demo shows the interpreter identifying itself and
# running ordinary Python; the thread-scaling demo arrives with the threads work.
import sys
import sysconfig

print("weft", sys.version)
print("free-threading build:", sysconfig.get_config_var("Py_GIL_DISABLED") == 1)
print("GIL enabled:", sys._is_gil_enabled())


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, is_prime in enumerate(sieve) if is_prime]


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


ps = primes(100)
print(f"{len(ps)} primes below 100, the last three: {ps[-3:]}")
print("2**100 =", 2 ** 100)
print("squares:", {n: n * n for n in range(6)})
acct = Account("ada").deposit(30).deposit(12)
print(acct)
try:
    acct.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(set(words), key=len)[:3], max(words, key=len))

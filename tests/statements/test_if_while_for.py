# Covers if/elif/else, while/else, for/else, break/continue, nested loops, and loop variable scope.
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 10, 99)])
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while else ran, i =", i)
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    print("not printed")
print("broke at", i)
for x in []:
    print("never")
else:
    print("for else on empty")
for x in range(10):
    if x == 4:
        break
else:
    print("not printed")
print("x after break", x)
def find_prime_factors(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
print(find_prime_factors(360), find_prime_factors(97), find_prime_factors(2 ** 10 * 3 ** 5))
primes = []
for n in range(2, 50):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
for k in range(3):
    pass
print("k leaks:", k)
total = 0
for ch in "a1b2c3":
    if ch.isdigit():
        total += int(ch)
print(total)
count = 0
while count < 10:
    count += 3
else:
    print("count", count)
if []:
    print("no")
elif {}:
    print("no")
elif 0.0:
    print("no")
else:
    print("all falsy")
if 1:
    if 0:
        pass
    else:
        print("nested else")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

# Covers assignment expressions (:=) in if/while/comprehensions/calls, and scope of comprehension targets.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
it = iter(data)
while (v := next(it, None)) is not None:
    print("v", v)
print([y for x in data if (y := x * 2) > 6], y)
print([last := x for x in range(3)], last)
total = 0
print([total := total + x for x in data], total)
print((z := 10) + z, z)
def f():
    if (m := 5) and (k := m * 2):
        return m, k
print(f())
chunks = []
s = "abcdefgh"
i = 0
while (chunk := s[i:i + 3]):
    chunks.append(chunk)
    i += 3
print(chunks)
print([(a, b) for a in range(3) if (b := a * a) % 2 == 0])
vals = {k: (sq := k * k) for k in range(3)}
print(vals, sq)

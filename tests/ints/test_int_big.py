# Covers arbitrary-precision ints: huge powers, mixed small/big arithmetic, comparisons, str/repr.
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, b // 12345, b % 12345)
print(-a // 7, -a % 7, a // -7, a % -7, divmod(-b, 1000003))
print(a ** 2)
print(a > b, a < b, a == 2 ** 200, a != 2 ** 200 + 1, -a < 0)
print(abs(-a) == a, -(-a) == a)
print(len(str(a)), len(str(10 ** 1000)), str(10 ** 50))
print(2 ** 64, 2 ** 63 - 1, -2 ** 63, 2 ** 62, 2 ** 61 - 1, 2 ** 62 - 1, -(2 ** 62))
print((2 ** 62) * 2, (2 ** 62 - 1) + 1, -(2 ** 62) - 1, (2 ** 31) * (2 ** 31))
# crossing the small-int boundary in both directions
x = 4611686018427387903  # 2**62 - 1
for i in range(4):
    print(x + i, x * (i + 1), -x - i)
y = 2 ** 100
print(y - (2 ** 100 - 5), type(y - (2 ** 100 - 5)).__name__)
fact = 1
for i in range(1, 60):
    fact *= i
print(fact)
print(fact // (2 ** 50), fact % 1000000007)
n = 1
for i in range(300):
    n = n * 3 + 1
print(n % 10 ** 20, n.bit_length())
print(int("123456789012345678901234567890") * 2)
print(int("-99999999999999999999999999999999") - 1)
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 65))
print(2 ** 100 == 2.0 ** 100, 2 ** 100 < 2.0 ** 101, float(2 ** 100))
print(10 ** 20 / 10 ** 10, 10 ** 30 // 3 * 3 + 10 ** 30 % 3 == 10 ** 30)
print(hash(2 ** 100) == hash(2 ** 100), (2**100) in {2**100: 1})
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
print(max(2 ** 100, 3 ** 60, 5 ** 40), min(-(2 ** 100), 7))
print(a & b, a | b, a ^ b, ~a, a >> 100, b << 10)
print(-a & 0xFFFF, (-b) >> 3, (-b) | 1, (-b) ^ a)

# Covers list iteration patterns, enumerate/zip, mutation during loops, min/max/sum and list equality.
data = [4, 8, 15, 16, 23, 42]
for i, v in enumerate(data):
    print(i, v, v * i)
print(sum(data), min(data), max(data), len(data), sum(data) / len(data))
print([v for v in data if v % 2], [v * 2 for v in data], list(reversed(data)), data[::-1] == list(reversed(data)))
squares = []
i = 0
while len(squares) < 5:
    squares.append(i * i)
    i += 1
print(squares)
m = [[0] * 3 for _ in range(3)]
for r in range(3):
    for c in range(3):
        m[r][c] = r * 3 + c
print(m, [list(col) for col in zip(*m)])
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
stack = []
for ch in "(()(()))":
    if ch == "(":
        stack.append(ch)
    else:
        stack.pop()
print(stack, not stack)
lst = list(range(10))
for x in lst[:]:
    if x % 2 == 0:
        lst.remove(x)
print(lst)
print([1, 2, 3] == [1, 2, 3], [[1]] == [[1]], [1, [2]] != [1, [3]], list(range(3)) == [0, 1, 2])

# Benchmark: build and index lists and dicts (append, subscript reads/writes, dict get/set, len, iteration).
def run(rounds):
    checksum = 0
    for r in range(rounds):
        lst = []
        for i in range(1000):
            lst.append(i * r % 97)
        for i in range(0, 1000, 3):
            lst[i] = lst[i] + lst[999 - i]
        d = {}
        for i in range(1000):
            d[i] = lst[i]
            d["k%d" % (i % 50)] = i
        for i in range(1000):
            checksum += d[i] + d.get(i + 5000, 1)
        checksum += len(d) + sum(lst[::7])
        t = tuple(lst[:100])
        checksum += t[r % 100] + len([x for x in lst if x & 1])
    return checksum
print(run(3000))

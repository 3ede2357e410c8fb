# Benchmark: string building and formatting (+=, f-strings, %-format, str.format, join, split, methods).
def run(rounds):
    checksum = 0
    for r in range(rounds):
        s = ""
        for i in range(200):
            s += str(i)
        parts = []
        for i in range(200):
            parts.append(f"{i}:{i * r:>6}|{i / 7:.3f}")
            parts.append("%d-%s-%05.1f" % (i, "x", i * 1.5))
            parts.append("{}/{:x}/{name}".format(i, i * 31, name="n"))
        joined = ",".join(parts)
        checksum += len(s) + len(joined) + joined.count("|") + len(joined.split(","))
        checksum += len(joined.upper()) + joined.find("199:") + len(s.replace("1", "one"))
    return checksum
print(run(2500))

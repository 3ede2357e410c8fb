# Covers `raise SystemExit(5)` at module level after output: exit code 5, empty stderr.
print("raising SystemExit(5)")
def leave():
    raise SystemExit(5)
leave()

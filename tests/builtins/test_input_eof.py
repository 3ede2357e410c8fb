# Covers input() when stdin is empty: EOFError (the runner gives tests an empty stdin).
try:
    line = input()
    print("read", repr(line))
except EOFError as e:
    print(type(e).__name__, e)
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)

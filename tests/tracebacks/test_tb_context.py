# Covers an uncaught exception raised while handling another: last line "TypeError: while handling".
try:
    [][1]
except IndexError:
    print("handling IndexError")
    raise TypeError("while handling")

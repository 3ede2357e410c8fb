# Covers raising and catching KeyboardInterrupt, then an uncaught exception without message: "ValueError".
try:
    raise KeyboardInterrupt
except KeyboardInterrupt as e:
    print("caught", repr(e))
raise ValueError

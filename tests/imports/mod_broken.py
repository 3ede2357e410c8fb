# Helper module that fails while importing.
print("mod_broken: start")
partial = 1
raise ZeroDivisionError("broken at import")

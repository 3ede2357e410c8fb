# Covers an uncaught exception raised several calls deep: traceback last line "KeyError: 'missing'".
def lookup(d, k):
    return d[k]
def middle(d):
    return lookup(d, "missing")
def top():
    print("calling middle")
    return middle({"present": 1})
top()

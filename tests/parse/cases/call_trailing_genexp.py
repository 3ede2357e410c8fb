sum(x for x in y)
f(x for x in y)(z)
dict((k, v) for k, v in items)

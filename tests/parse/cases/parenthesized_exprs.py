(a)
((a))
(a + b) * c
(a)(b)
(a)[b]
(yield)
(x for x in y)
(a, b)
((a, b), c)

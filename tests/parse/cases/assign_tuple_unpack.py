a, b = 1, 2
(a, b) = c
[a, b] = c
a, = c
a, *b = c
*a, b = c
[a, [b, *c]] = d
(a), (b) = c

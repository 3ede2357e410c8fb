a.b
a.b.c.d
a().b
(a).b
a[0].b
'str'.join
1 .real
(1).real

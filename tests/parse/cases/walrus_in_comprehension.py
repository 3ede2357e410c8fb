[y for x in z if (y := f(x))]
{(k := 1): v for v in w}
any((z := x) for x in y)

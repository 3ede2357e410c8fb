def f():
  x
y = (

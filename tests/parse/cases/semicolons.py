a = 1; b = 2
c = 3;
if x: a; b; c
def f(): return 1;
import a; import b

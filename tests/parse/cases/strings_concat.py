a = 'a' 'b'
b = 'a' "b" '''c'''
c = b'a' b'b'
d = u'a' 'b'
e = 'a' u'b'
f = ('a'
     'b'
     'c')
g = r'\a' '\n'

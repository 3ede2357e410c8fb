a = '''abc
def'''
b = """x
  y
"""
c = r'''\n
'''
d = b'''\x00
'''
e = '''it's'''
f = """say "hi" """

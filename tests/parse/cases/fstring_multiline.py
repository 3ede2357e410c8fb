a = f'''
{x}
  {y!r}
'''
b = f'''{
x
}'''
c = (f'a'
     f'{b}'
     f'c{d:>{e}}')

if x:
	pass
	if y:
		pass
	else:
		pass
while 1:
        pass

	if x:
		pass

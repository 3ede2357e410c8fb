raise
raise E
raise E()
raise E from e
raise E('x') from None

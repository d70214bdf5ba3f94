local m = {}
m.run()

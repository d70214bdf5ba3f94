local co = coroutine.wrap(function() coroutine.yield(1) local x = {} + 1 end)
print(co())
co()

local co = coroutine.create(function() end)
coroutine.resume(co)
assert(coroutine.resume(co))

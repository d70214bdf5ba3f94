-- each-line: every line below that is not a comment is its own script; each runs for a RESP2 and
-- a RESP3 client, with the script's own protocol 2 (default) and 3 (redis.setresp(3)).
-- These check luaToReply (server/scripting/convert.ts): Lua value returned by a script -> reply.
return 1
return 0
return -1
return 1.9
return -1.9
return 0.5
return -0.5
return 2^53
return 2^53 + 1
return 2^62
return 2^63
return -2^63
return 1e20
return -1e20
return 1/0
return -1/0
return 0/0
return -tonumber("0")
return ""
return "hello"
return "bin\0ary\r\n\255"
return true
return false
return nil
return
return 1, 2
return {}
return {1, 2, 3}
return {1, nil, 3}
return {nil, 2}
return {"a", false, "b"}
return {true, false}
return {1, {2, {3, {}}}}
return {1.5, "x", {y = 1}}
return {a = 1, 5}
return {[2] = 2}
return {ok = "fine"}
return {ok = ""}
return {ok = "a\r\nb\rc\nd"}
return {ok = "a\0b"}
return {ok = 1}
return {ok = {}}
return {err = "My error"}
return {err = ""}
return {err = "-X"}
return {err = "ERR custom"}
return {err = "WRONGTYPE bad"}
return {err = "a\r\nb\r\n"}
return {err = "\r\nlead"}
return {err = "x\0y"}
return {err = 1}
return {err = "e", ok = "o"}
return {ok = "o", double = 1}
return {err = false, 7}
return {double = 1.5}
return {double = 0.1}
return {double = 1e300}
return {double = 1/3}
return {double = -tonumber("0")}
return {double = 3}
return {double = 1/0}
return {double = -1/0}
return {double = 0/0}
return {double = -(0/0)}
return {double = "1.5"}
return {double = 1e-300}
return {big_number = "123456789012345678901234567890"}
return {big_number = "1\r\n2"}
return {big_number = "x\0y"}
return {big_number = 5}
return {verbatim_string = {format = "txt", string = "hello"}}
return {verbatim_string = {format = "ab", string = "hi"}}
return {verbatim_string = {format = "abcdef", string = "hi"}}
return {verbatim_string = {format = "", string = "hi"}}
return {verbatim_string = {format = "a\0b", string = "hi"}}
return {verbatim_string = {format = "txt", string = "a\r\nb\0c"}}
return {verbatim_string = {format = "txt"}}
return {verbatim_string = {string = "x"}}
return {verbatim_string = "txt"}
return {map = {a = 1}}
return {map = {}}
return {map = {k = {1, 2}, [1] = true}}
return {map = {x = {map = {y = "z"}}}}
return {map = {a = false}}
return {map = 5}
return {set = {a = true}}
return {set = {}}
return {set = {[1] = true, [2.5] = true}}
return {set = {x = false}}
return {set = {{1}}}
return {1, {ok = "nested"}, {err = "nested err"}, {double = 2.5}}
return {{map = {a = {set = {b = true}}}}}
return cjson.null
return {cjson.null, 1}
return tostring
return {tostring, 1}
return coroutine.create(function() end)
return {1, 2, coroutine.create(function() end), 4}
return setmetatable({}, {__index = function() return 1 end})
return setmetatable({ok = "meta"}, {__index = {err = "no"}})
local t = {} local c = t for i = 1, 7994 do c[1] = {} c = c[1] end return t
local t = {} local c = t for i = 1, 7995 do c[1] = {} c = c[1] end return t
local t = {} local c = t for i = 1, 7996 do c[1] = {"x"} c = c[1] end return t
local t = {} local c = t for i = 1, 4000 do c[1] = {map = {k = {}}} c = c[1].map.k end return t
local t = {} for i = 1, 1000 do t[i] = i end return t

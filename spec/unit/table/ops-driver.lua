-- Runs one table "operation list" (spec/unit/table/cases/*.ops) on a real Lua table and prints
-- what each reading op sees. Recorded with `lua5.1 ops-driver.lua FILE` and, for the Redis set,
-- inside EVAL (ARGV[1] = the ops text); ltable.test.ts replays the same file on LuaTable.
-- The collector is stopped so that deleted string keys stay matchable (see ops.ts).
local function run(text)
  collectgarbage("stop")
  local out = {}
  local t = {}
  local mvals = {}
  for i = 1, 300 do mvals[i] = 1000 + i end

  local function unhex(h)
    return (h:gsub("..", function(x) return string.char(tonumber(x, 16)) end))
  end
  local function key(s)
    local tag, rest = s:sub(1, 1), s:sub(2)
    if tag == "s" then return unhex(rest) end
    if tag == "b" then return rest == "true" end
    if rest == "inf" then return 1 / 0 end
    if rest == "-inf" then return -1 / 0 end
    return tonumber(rest)
  end
  local function keysrc(s)
    local k = key(s)
    if type(k) == "string" then
      return '"' .. (k:gsub(".", function(c) return "\\" .. c:byte() end)) .. '"'
    elseif type(k) == "number" then
      if k == 1 / 0 then return "1/0" elseif k == -1 / 0 then return "-1/0" end
      return s:sub(2)
    end
    return tostring(k)
  end
  local function fmt(k)
    local ty = type(k)
    if ty == "string" then
      if k:find("^[%w_]*$") then return "s:" .. k end
      return "x:" .. (k:gsub(".", function(c) return string.format("%02x", c:byte()) end))
    elseif ty == "number" then
      return string.format("%.17g", k)
    end
    return tostring(k)
  end
  local function val(s)
    if s == "nil" then return nil end
    return tonumber(s)
  end

  for line in text:gmatch("[^\n]+") do
    local words = {}
    for w in line:gmatch("%S+") do words[#words + 1] = w end
    local op = words[1]
    if op == "#" then
      -- comment
    elseif op == "new" then
      t = {}
    elseif op == "ctor" then
      local items, nmult = {}, nil
      for i = 2, #words do
        local w = words[i]
        local kind = w:sub(1, 1)
        if kind == "L" then
          items[#items + 1] = w:sub(2)
        elseif kind == "R" then
          local eq = w:find("=", 2, true)
          items[#items + 1] = "[" .. keysrc(w:sub(2, eq - 1)) .. "]=" .. w:sub(eq + 1)
        else
          nmult = tonumber(w:sub(2))
          items[#items + 1] = "..."
        end
      end
      local f = assert(loadstring("return {" .. table.concat(items, ",") .. "}"))
      t = f(unpack(mvals, 1, nmult or 0))
    elseif op == "set" then
      t[key(words[2])] = val(words[3])
    elseif op == "del" then
      t[key(words[2])] = nil
    elseif op == "append" then
      t[#t + 1] = val(words[2])
    elseif op == "get" then
      out[#out + 1] = "get " .. words[2] .. " = " .. tostring(t[key(words[2])])
    elseif op == "len" then
      out[#out + 1] = "len " .. #t
    elseif op == "pairs" then
      local parts = {}
      for k, v in pairs(t) do parts[#parts + 1] = fmt(k) .. "=" .. tostring(v) end
      out[#out + 1] = "pairs " .. table.concat(parts, " ")
    elseif op == "next" then
      local ok, k, v = pcall(next, t, key(words[2]))
      if not ok then
        out[#out + 1] = "next " .. words[2] .. " -> error: " .. k
      elseif k == nil then
        out[#out + 1] = "next " .. words[2] .. " -> nil"
      else
        out[#out + 1] = "next " .. words[2] .. " -> " .. fmt(k) .. "=" .. tostring(v)
      end
    elseif op == "iterdel" then
      local mod, c, parts = tonumber(words[2]), 0, {}
      for k in pairs(t) do
        c = c + 1
        parts[#parts + 1] = fmt(k)
        if c % mod == 0 then t[k] = nil end
      end
      out[#out + 1] = "iterdel " .. table.concat(parts, " ")
    else
      error("unknown op " .. tostring(op))
    end
  end
  collectgarbage("restart")
  return table.concat(out, "\n") .. "\n"
end

local argv = rawget(_G, "ARGV")
if argv then return run(argv[1]) end
local f = assert(io.open(arg[1], "rb"))
local text = f:read("*a")
f:close()
io.write(run(text))

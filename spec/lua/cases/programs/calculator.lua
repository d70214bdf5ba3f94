-- recursive-descent evaluator for + - * / ^ unary minus and parentheses
local function evaluate(src)
  local pos = 1
  local function skip() pos = src:find("%S", pos) or #src + 1 end
  local function peek() skip() return src:sub(pos, pos) end
  local expr
  local function atom()
    local c = peek()
    if c == "(" then
      pos = pos + 1
      local v = expr()
      if peek() ~= ")" then error("expected ) at " .. pos, 0) end
      pos = pos + 1
      return v
    elseif c == "-" then
      pos = pos + 1
      return -atom()
    end
    local num = src:match("^%d+%.?%d*", pos)
    if not num then error("unexpected '" .. c .. "' at " .. pos, 0) end
    pos = pos + #num
    return tonumber(num)
  end
  local function power()
    local base = atom()
    if peek() == "^" then pos = pos + 1 return base ^ power() end
    return base
  end
  local function term()
    local v = power()
    while true do
      local c = peek()
      if c == "*" then pos = pos + 1 v = v * power()
      elseif c == "/" then pos = pos + 1 v = v / power()
      else return v end
    end
  end
  function expr()
    local v = term()
    while true do
      local c = peek()
      if c == "+" then pos = pos + 1 v = v + term()
      elseif c == "-" then pos = pos + 1 v = v - term()
      else return v end
    end
  end
  local v = expr()
  if pos <= #src then error("trailing input at " .. pos, 0) end
  return v
end
for _, e in ipairs({ "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "1 - 2 - 3", "((7))", "3.5 * 2" }) do
  print(e, "=", evaluate(e))
end
for _, e in ipairs({ "1 +", "(1", "1 2", "a" }) do
  print(e, pcall(evaluate, e))
end

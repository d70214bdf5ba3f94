local machine = {
  idle = { coin = "ready", push = "idle" },
  ready = { push = "vending", coin = "ready", refund = "idle" },
  vending = { done = "idle" },
}
local function run(events)
  local state, trace = "idle", { "idle" }
  for _, ev in ipairs(events) do
    local nxt = machine[state][ev]
    if not nxt then return nil, "bad event '" .. ev .. "' in state " .. state end
    state = nxt
    trace[#trace + 1] = state
  end
  return table.concat(trace, ">")
end
print(run({ "coin", "push", "done" }))
print(run({ "push", "coin", "coin", "refund" }))
print(run({ "coin", "done" }))
local function lexer(src)
  local tokens, i = {}, 1
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then local n = src:match("^%d+%.?%d*", i) tokens[#tokens + 1] = "NUM(" .. n .. ")" i = i + #n
    elseif c:match("[%a_]") then local w = src:match("^[%w_]+", i) tokens[#tokens + 1] = "ID(" .. w .. ")" i = i + #w
    elseif c == '"' then local j = src:find('"', i + 1, true) tokens[#tokens + 1] = "STR(" .. src:sub(i + 1, j - 1) .. ")" i = j + 1
    else local op = src:match("^[=<>~]=", i) or c tokens[#tokens + 1] = "OP(" .. op .. ")" i = i + #op end
  end
  return table.concat(tokens, " ")
end
print(lexer('local x_1 = 42 + y * 3.5 ~= "str" <= z'))

-- patterns with captures: gsub (string, table and function replacements), gmatch, find, match
local n = tonumber(arg and arg[1]) or 40
local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
local lines = {}
for i = 1, 400 do
  local w = words[i % #words + 1]
  lines[i] = string.format("%s=%d; key_%d = \"%s value\" (%d,%d) user%d@example.com", w, i * 7, i, w, i, i * 3, i)
end
local text = table.concat(lines, "\n")
local vars = {alpha = "A", beta = "B", gamma = "C"}
local total = 0
for round = 1, n do
  local s, c = text:gsub("(%w+)=(%d+)", "%2:%1")
  total = total + #s + c
  s, c = text:gsub("%((%d+),(%d+)%)", function(a, b) return "<" .. (a + b) .. ">" end)
  total = total + #s + c
  s, c = text:gsub("(%a+)=", vars)
  total = total + #s + c
  for k, v in text:gmatch("key_(%d+) = \"(%a+) value\"") do total = total + #k + #v end
  for user, host in text:gmatch("(%w+)@([%w%.]+)") do total = total + #user + #host end
  local pos = 1
  while true do
    local a, b, num = text:find("%((%d+),", pos)
    if not a then break end
    total = total + tonumber(num)
    pos = b + 1
  end
  total = total + #(text:match("theta=(%d+)") or "")
end
print(total)
